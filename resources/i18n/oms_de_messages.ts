<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Messages</name>
    <message>
        <source>&apos;From&apos; ({start}) is after &apos;To&apos; ({end})</source>
        <translation>„Von“ ({start}) liegt nach „Bis“ ({end})</translation>
    </message>
    <message>
        <source>&apos;{key}&apos; is neither a SKU nor a barcode</source>
        <translation>&apos;{key}&apos; ist weder eine SKU noch ein Barcode</translation>
    </message>
    <message>
        <source>&apos;{label}&apos; date &apos;{text}&apos; is not a date (year-month-day, e.g. 2026-12-03)</source>
        <translation>„{label}“-Datum „{text}“ ist kein Datum (Jahr-Monat-Tag, z. B. 2026-12-03)</translation>
    </message>
    <message>
        <source>&apos;{ref}&apos; is neither a customer number nor a phone number</source>
        <translation>&apos;{ref}&apos; ist weder eine Kundennummer noch eine Telefonnummer</translation>
    </message>
    <message>
        <source>&apos;{ref}&apos; is not a pick list number (PL-000123)</source>
        <translation>&apos;{ref}&apos; ist keine Kommissionierlisten-Nummer (PL-000123)</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; contains characters not used in tracking numbers: {characters}</source>
        <translation>„{text}“ enthält Zeichen, die in Sendungsnummern nicht vorkommen: {characters}</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is neither a tracking number (XXXX-XXXX-XXXX), an order number (SO-000123) nor a phone number</source>
        <translation>„{text}“ ist weder eine Sendungsnummer (XXXX-XXXX-XXXX) noch eine Auftragsnummer (SO-000123) noch eine Telefonnummer</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is neither an order number (SO-000123) nor a tracking number (XXXX-XXXX-XXXX)</source>
        <translation>„{text}“ ist weder eine Auftragsnummer (SO-000123) noch eine Sendungsnummer (XXXX-XXXX-XXXX)</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is not a valid tracking number (check character does not match: probably a typo)</source>
        <translation>„{text}“ ist keine gültige Sendungsnummer (das Prüfzeichen stimmt nicht: wahrscheinlich ein Tippfehler)</translation>
    </message>
    <message>
        <source>(no location)</source>
        <translation>(kein Lagerplatz)</translation>
    </message>
    <message>
        <source>--top must be at least 1 (got {top})</source>
        <translation>--top muss mindestens 1 sein (erhalten: {top})</translation>
    </message>
    <message>
        <source>1 package</source>
        <translation>1 Paket</translation>
    </message>
    <message>
        <source>An in-memory database cannot be backed up.</source>
        <translation>Eine Datenbank im Arbeitsspeicher kann nicht gesichert werden.</translation>
    </message>
    <message>
        <source>An order has at most {maximum} lines; start a second order.</source>
        <translation>Ein Auftrag hat höchstens {maximum} Positionen; legen Sie einen zweiten Auftrag an.</translation>
    </message>
    <message>
        <source>Ask the administrator to run `oms init --database ...` once as the database&apos;s owner (docs/shared_server.md), then start again.</source>
        <translation>Bitten Sie den Administrator, einmal als Eigentümer der Datenbank `oms init --database ...` auszuführen (docs/shared_server.md), und starten Sie dann neu.</translation>
    </message>
    <message>
        <source>Backups are not available here (no backup storage was set up).</source>
        <translation>Sicherungen sind hier nicht verfügbar (es wurde kein Speicher für Sicherungen eingerichtet).</translation>
    </message>
    <message>
        <source>Check that pg_dump is the server&apos;s version or newer and can reach the server.</source>
        <translation>Prüfen Sie, ob pg_dump die Version des Servers oder neuer hat und den Server erreicht.</translation>
    </message>
    <message>
        <source>Check that pg_restore is the server&apos;s version or newer and that the app&apos;s database user may create and drop its tables.</source>
        <translation>Prüfen Sie, ob pg_restore die Version des Servers oder neuer hat und ob der Datenbankbenutzer der Anwendung seine Tabellen anlegen und löschen darf.</translation>
    </message>
    <message>
        <source>Check the file&apos;s permissions or the server&apos;s mode.</source>
        <translation>Prüfen Sie die Rechte der Datei oder den Modus des Servers.</translation>
    </message>
    <message>
        <source>Check the network or the database server.</source>
        <translation>Prüfen Sie das Netzwerk oder den Datenbankserver.</translation>
    </message>
    <message>
        <source>Customer {customer} ({name})</source>
        <translation>Kunde {customer} ({name})</translation>
    </message>
    <message>
        <source>Customer {customer} ({name}) was merged into {target}; choose that customer.</source>
        <translation>Kunde {customer} ({name}) wurde mit {target} zusammengeführt; wählen Sie diesen Kunden.</translation>
    </message>
    <message>
        <source>Customer {customer} keeps no address number {address}.</source>
        <translation>Kunde {customer} hat keine Adresse Nummer {address}.</translation>
    </message>
    <message>
        <source>E-mail {message} is {status}, not failed; nothing to retry.</source>
        <translation>E-Mail {message} ist {status}, nicht fehlgeschlagen; es gibt nichts zu wiederholen.</translation>
    </message>
    <message>
        <source>Entry {entry} belongs to a document; correct it with a credit note or a refund.</source>
        <translation>Buchung {entry} gehört zu einem Beleg; korrigieren Sie sie mit einer Gutschrift oder einer Erstattung.</translation>
    </message>
    <message>
        <source>Entry {entry} books a {kind}, which the purchasing documents keep in step; it cannot be reversed on its own.</source>
        <translation>Buchung {entry} bucht {kind}, das die Einkaufsbelege abgleichen; sie kann nicht für sich allein storniert werden.</translation>
    </message>
    <message>
        <source>Entry {entry} is itself a reversal; post the correct entry instead.</source>
        <translation>Buchung {entry} ist selbst eine Stornobuchung; buchen Sie stattdessen die richtige Buchung.</translation>
    </message>
    <message>
        <source>Entry {entry} is reversed already.</source>
        <translation>Buchung {entry} ist bereits storniert.</translation>
    </message>
    <message>
        <source>Forecast refresh cancelled; the forecasts computed so far are kept.</source>
        <translation>Aktualisierung der Prognosen abgebrochen; die bisher berechneten Prognosen bleiben erhalten.</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>Install the PostgreSQL client tools (Debian: apt install postgresql-client) of the server&apos;s version or newer, then run the backup again.</source>
        <translation>Installieren Sie die PostgreSQL-Client-Werkzeuge (Debian: apt install postgresql-client) in der Version des Servers oder neuer und starten Sie die Sicherung erneut.</translation>
    </message>
    <message>
        <source>Install the PostgreSQL client tools (Debian: apt install postgresql-client), then run the restore again; nothing was changed.</source>
        <translation>Installieren Sie die PostgreSQL-Client-Werkzeuge (Debian: apt install postgresql-client) und starten Sie die Wiederherstellung erneut; nichts wurde geändert.</translation>
    </message>
    <message>
        <source>No PDF renderer is configured in this program; nothing can be printed here.</source>
        <translation>In diesem Programm ist kein PDF-Renderer eingerichtet; hier kann nichts gedruckt werden.</translation>
    </message>
    <message>
        <source>No customer number {customer}.</source>
        <translation>Kein Kunde mit der Nummer {customer}.</translation>
    </message>
    <message>
        <source>No customer with phone number &apos;{phone}&apos;.</source>
        <translation>Kein Kunde mit der Telefonnummer „{phone}“.</translation>
    </message>
    <message>
        <source>No e-mail {message} in the outbox.</source>
        <translation>Keine E-Mail {message} im Postausgang.</translation>
    </message>
    <message>
        <source>No invoice or credit note &apos;{ref}&apos;.</source>
        <translation>Keine Rechnung oder Gutschrift „{ref}“.</translation>
    </message>
    <message>
        <source>No journal entry {entry}.</source>
        <translation>Keine Hauptbuch-Buchung {entry}.</translation>
    </message>
    <message>
        <source>No longer sold: {skus}.</source>
        <translation>Nicht mehr im Verkauf: {skus}.</translation>
    </message>
    <message>
        <source>No order is waiting to be picked.</source>
        <translation>Kein Auftrag wartet auf die Kommissionierung.</translation>
    </message>
    <message>
        <source>No order with tracking number {tracking}.</source>
        <translation>Kein Auftrag mit der Sendungsnummer {tracking}.</translation>
    </message>
    <message>
        <source>No order {order}.</source>
        <translation>Auftrag {order} gibt es nicht.</translation>
    </message>
    <message>
        <source>No orders for phone number &apos;{phone}&apos;.</source>
        <translation>Keine Aufträge für die Telefonnummer „{phone}“.</translation>
    </message>
    <message>
        <source>No pick list {pick_list}.</source>
        <translation>Kommissionierliste {pick_list} gibt es nicht.</translation>
    </message>
    <message>
        <source>No print job {job}.</source>
        <translation>Kein Druckauftrag {job}.</translation>
    </message>
    <message>
        <source>No product with SKU &apos;{sku}&apos;.</source>
        <translation>Kein Artikel mit der SKU „{sku}“.</translation>
    </message>
    <message>
        <source>No product with SKU &apos;{sku}&apos;; check the SKU or add the product first.</source>
        <translation>Kein Artikel mit der SKU &apos;{sku}&apos;; prüfen Sie die SKU oder legen Sie den Artikel zuerst an.</translation>
    </message>
    <message>
        <source>No product with SKU or barcode &apos;{sku}&apos;.</source>
        <translation>Kein Artikel mit der SKU oder dem Barcode „{sku}“.</translation>
    </message>
    <message>
        <source>No promotion called &apos;{name}&apos;.</source>
        <translation>Keine Aktion namens &apos;{name}&apos;.</translation>
    </message>
    <message>
        <source>No purchase order &apos;{ref}&apos;.</source>
        <translation>Keine Bestellung „{ref}“.</translation>
    </message>
    <message>
        <source>No receipt printer is set.</source>
        <translation>Es ist kein Bondrucker eingestellt.</translation>
    </message>
    <message>
        <source>No supplier &apos;{ref}&apos;; add it first (oms supplier add).</source>
        <translation>Kein Lieferant &apos;{ref}&apos;; legen Sie ihn zuerst an (oms supplier add).</translation>
    </message>
    <message>
        <source>No supplier invoice &apos;{ref}&apos; (give our reference SI-000001 or the supplier&apos;s number).</source>
        <translation>Keine Eingangsrechnung &apos;{ref}&apos; (geben Sie unsere Referenz SI-000001 oder die Nummer des Lieferanten an).</translation>
    </message>
    <message>
        <source>No supplier invoice {ref}.</source>
        <translation>Keine Eingangsrechnung {ref}.</translation>
    </message>
    <message>
        <source>No till session {ref}.</source>
        <translation>Keine Kassensitzung {ref}.</translation>
    </message>
    <message>
        <source>No user &apos;{username}&apos; (oms user list shows them).</source>
        <translation>Kein Benutzer &apos;{username}&apos; (oms user list zeigt die Benutzer).</translation>
    </message>
    <message>
        <source>No user &apos;{username}&apos;.</source>
        <translation>Kein Benutzer „{username}“.</translation>
    </message>
    <message>
        <source>None of the products of {order} is still sold.</source>
        <translation>Keiner der Artikel von {order} wird noch verkauft.</translation>
    </message>
    <message>
        <source>Not enough stock: {shortages}. Reduce the quantity, remove the line or place a backorder.</source>
        <translation>Nicht genug Bestand: {shortages}. Verringern Sie die Menge, entfernen Sie die Position oder legen Sie einen Rückstand an.</translation>
    </message>
    <message>
        <source>Nothing on {ref} is invoiceable: everything received is invoiced already.</source>
        <translation>Auf {ref} ist nichts abrechenbar: alles Empfangene ist bereits abgerechnet.</translation>
    </message>
    <message>
        <source>Nothing on {ref} is invoiceable: nothing has been received yet.</source>
        <translation>Auf {ref} ist nichts abrechenbar: es wurde noch nichts empfangen.</translation>
    </message>
    <message>
        <source>Nothing to print: no active product in {categories} is available (sold-out products are left out unless asked for).</source>
        <translation>Nichts zu drucken: kein aktiver Artikel in {categories} ist verfügbar (ausverkaufte Artikel werden nur auf Wunsch aufgenommen).</translation>
    </message>
    <message>
        <source>Nothing to print: no active product in {categories} is in the catalog.</source>
        <translation>Nichts zu drucken: kein aktiver Artikel in {categories} ist im Katalog.</translation>
    </message>
    <message>
        <source>Nothing to print: no active product is available (sold-out products are left out unless asked for).</source>
        <translation>Nichts zu drucken: kein aktiver Artikel ist verfügbar (ausverkaufte Artikel werden nur auf Wunsch aufgenommen).</translation>
    </message>
    <message>
        <source>Nothing to print: no active product is in the catalog.</source>
        <translation>Nichts zu drucken: kein aktiver Artikel ist im Katalog.</translation>
    </message>
    <message>
        <source>Nothing was imported: {count} problem(s) in the file. {problems}</source>
        <translation>Es wurde nichts importiert: {count} Problem(e) in der Datei. {problems}</translation>
    </message>
    <message>
        <source>Nothing was saved; free some space and retry.</source>
        <translation>Nichts wurde gespeichert; schaffen Sie Platz und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Nothing was saved; try again in a moment.</source>
        <translation>Nichts wurde gespeichert; versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <source>Open a database file.</source>
        <translation>Öffnen Sie eine Datenbankdatei.</translation>
    </message>
    <message>
        <source>Product {sku}</source>
        <translation>Artikel {sku}</translation>
    </message>
    <message>
        <source>Receipt for {order} not printed: {error}</source>
        <translation>Kassenbon für {order} nicht gedruckt: {error}</translation>
    </message>
    <message>
        <source>Receipt for {order} not printed: {error} It waits and is printed with the next receipt or &apos;oms receipt print-pending&apos;.</source>
        <translation>Kassenbon für {order} nicht gedruckt: {error} Er wartet und wird mit dem nächsten Kassenbon oder mit „oms receipt print-pending“ gedruckt.</translation>
    </message>
    <message>
        <source>Restore the latest backup (see the backups folder) and contact support.</source>
        <translation>Stellen Sie die neueste Sicherung wieder her (siehe Sicherungsordner) und wenden Sie sich an den Support.</translation>
    </message>
    <message>
        <source>SKU &apos;{sku}&apos; is not in the catalog</source>
        <translation>SKU „{sku}“ ist nicht im Katalog</translation>
    </message>
    <message>
        <source>SKU &apos;{sku}&apos; may contain only letters, digits and . _ / - (at most 64)</source>
        <translation>SKU „{sku}“ darf nur Buchstaben, Ziffern und . _ / - enthalten (höchstens 64)</translation>
    </message>
    <message>
        <source>SKU is empty</source>
        <translation>SKU ist leer</translation>
    </message>
    <message>
        <source>SKU {sku} appears again (first on row {first})</source>
        <translation>SKU {sku} kommt erneut vor (zuerst in Zeile {first})</translation>
    </message>
    <message>
        <source>SKU {sku} exists already</source>
        <translation>SKU {sku} gibt es bereits</translation>
    </message>
    <message>
        <source>SMTP is not configured (oms settings set smtp.host ... and smtp.from ...)</source>
        <translation>SMTP ist nicht eingerichtet (oms settings set smtp.host ... und smtp.from ...)</translation>
    </message>
    <message>
        <source>SQLite files must stay on a local disk; for several workstations use PostgreSQL (--database postgresql+psycopg://...).</source>
        <translation>SQLite-Dateien müssen auf einer lokalen Platte bleiben; für mehrere Arbeitsplätze verwenden Sie PostgreSQL (--database postgresql+psycopg://...).</translation>
    </message>
    <message>
        <source>Sign in first.</source>
        <translation>Melden Sie sich zuerst an.</translation>
    </message>
    <message>
        <source>The currency cannot change once orders exist.</source>
        <translation>Die Währung kann nicht mehr geändert werden, sobald Aufträge existieren.</translation>
    </message>
    <message>
        <source>The current password is wrong; nothing was changed.</source>
        <translation>Das aktuelle Passwort ist falsch; nichts wurde geändert.</translation>
    </message>
    <message>
        <source>The customer of {order} keeps no address labelled &apos;{label}&apos; (only: {labels}).</source>
        <translation>Der Kunde von {order} hat keine Adresse mit der Bezeichnung „{label}“ (nur: {labels}).</translation>
    </message>
    <message>
        <source>The customer of {order} keeps no address labelled &apos;{label}&apos;.</source>
        <translation>Der Kunde von {order} hat keine Adresse mit der Bezeichnung „{label}“.</translation>
    </message>
    <message>
        <source>The customer to keep, {customer} ({name}), was merged into {target} already; merge with that customer instead.</source>
        <translation>Der zu behaltende Kunde {customer} ({name}) wurde bereits mit {target} zusammengeführt; führen Sie stattdessen mit diesem Kunden zusammen.</translation>
    </message>
    <message>
        <source>The database cannot be opened.</source>
        <translation>Die Datenbank kann nicht geöffnet werden.</translation>
    </message>
    <message>
        <source>The database cannot be reached.</source>
        <translation>Die Datenbank ist nicht erreichbar.</translation>
    </message>
    <message>
        <source>The database file is damaged.</source>
        <translation>Die Datenbankdatei ist beschädigt.</translation>
    </message>
    <message>
        <source>The database file {path} is on a network share ({fstype}).</source>
        <translation>Die Datenbankdatei {path} liegt auf einer Netzwerkfreigabe ({fstype}).</translation>
    </message>
    <message>
        <source>The database is busy (another workstation holds a lock for too long).</source>
        <translation>Die Datenbank ist belegt (ein anderer Arbeitsplatz hält eine Sperre zu lange).</translation>
    </message>
    <message>
        <source>The database is read-only.</source>
        <translation>Die Datenbank ist schreibgeschützt.</translation>
    </message>
    <message>
        <source>The database {database} has schema {current}; this version of OMS Desktop needs {head}, and the role {role} may not change the schema (nothing was changed).</source>
        <translation>Die Datenbank {database} hat das Schema {current}; diese Version von OMS Desktop braucht {head}, und die Rolle {role} darf das Schema nicht ändern (nichts wurde geändert).</translation>
    </message>
    <message>
        <source>The disk holding the database is full.</source>
        <translation>Die Platte mit der Datenbank ist voll.</translation>
    </message>
    <message>
        <source>The duplicate, {customer} ({name}), was merged into {target} already; merge with that customer instead.</source>
        <translation>Die Dublette {customer} ({name}) wurde bereits mit {target} zusammengeführt; führen Sie stattdessen mit diesem Kunden zusammen.</translation>
    </message>
    <message>
        <source>The file holds paid orders: importing them records their payments, which {role} may not do.</source>
        <translation>Die Datei enthält bezahlte Aufträge: beim Import werden ihre Zahlungen erfasst, was {role} nicht darf.</translation>
    </message>
    <message>
        <source>The first user must be an administrator (role admin).</source>
        <translation>Der erste Benutzer muss ein Administrator sein (Rolle admin).</translation>
    </message>
    <message>
        <source>The first {imported} products were imported, then {count} problem(s) stopped it (changed on another workstation meanwhile): {problems}. Fix them and import the file again: the products already imported are simply set to the same values.</source>
        <translation>Die ersten {imported} Artikel wurden importiert, dann haben {count} Problem(e) den Import angehalten (inzwischen an einem anderen Arbeitsplatz geändert): {problems}. Beheben Sie sie und importieren Sie die Datei erneut: die bereits importierten Artikel werden einfach auf dieselben Werte gesetzt.</translation>
    </message>
    <message>
        <source>The journal entry was refused: {problems}</source>
        <translation>Die Buchung wurde abgelehnt: {problems}</translation>
    </message>
    <message>
        <source>The setting {key} was changed {by} since you opened the settings (it is now &apos;{value}&apos;); nothing was saved. Open the settings again to see it, then make your change.</source>
        <translation>Die Einstellung {key} wurde {by} geändert, seit Sie die Einstellungen geöffnet haben (sie ist jetzt „{value}“); nichts wurde gespeichert. Öffnen Sie die Einstellungen erneut, um sie zu sehen, und nehmen Sie dann Ihre Änderung vor.</translation>
    </message>
    <message>
        <source>The total of {order} changed since it was shown ({change}: a promotion or coupon changed). Look at it and confirm again.</source>
        <translation>Die Summe von {order} hat sich seit der Anzeige geändert ({change}: eine Aktion oder ein Gutschein hat sich geändert). Prüfen Sie den Auftrag und bestätigen Sie erneut.</translation>
    </message>
    <message>
        <source>This program has no receipt printer driver; nothing can be printed.</source>
        <translation>Dieses Programm hat keinen Treiber für den Bondrucker; es kann nichts gedruckt werden.</translation>
    </message>
    <message>
        <source>Till {name} ({ref}) is closed already; nothing was booked.</source>
        <translation>Kasse {name} ({ref}) ist bereits geschlossen; es wurde nichts gebucht.</translation>
    </message>
    <message>
        <source>Till {name} had no session on {day}.</source>
        <translation>Kasse {name} hatte am {day} keine Sitzung.</translation>
    </message>
    <message>
        <source>Till {name} is not open, so there is nothing to {what}; open it with its float first (a till closed already stays closed: open a new session).</source>
        <translation>Kasse {name} ist nicht geöffnet, also gibt es nichts zu tun ({what}); öffnen Sie sie zuerst mit ihrem Wechselgeld (eine geschlossene Kasse bleibt geschlossen: öffnen Sie eine neue Sitzung).</translation>
    </message>
    <message>
        <source>Till {name} is not open; open it with its float before taking {method} payments there.</source>
        <translation>Kasse {name} ist nicht geöffnet; öffnen Sie sie mit ihrem Wechselgeld, bevor Sie dort Zahlungen ({method}) annehmen.</translation>
    </message>
    <message>
        <source>Till {name} is open already ({session}, opened by {user} at {time}); close it before opening it again.</source>
        <translation>Kasse {name} ist bereits geöffnet ({session}, geöffnet von {user} um {time}); schließen Sie sie, bevor Sie sie erneut öffnen.</translation>
    </message>
    <message>
        <source>Till {name} should hold only {have} {currency} in cash; take out at most that much.</source>
        <translation>Kasse {name} sollte nur {have} {currency} in bar enthalten; entnehmen Sie höchstens so viel.</translation>
    </message>
    <message>
        <source>Till {till} is open already (opened a moment ago elsewhere); close it before opening it again.</source>
        <translation>Die Kasse {till} ist schon geöffnet (eben an einem anderen Platz); schließen Sie sie, bevor Sie sie erneut öffnen.</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Bis</translation>
    </message>
    <message>
        <source>Unknown SKU or barcode &apos;{key}&apos;.</source>
        <translation>Unbekannte SKU oder unbekannter Barcode „{key}“.</translation>
    </message>
    <message>
        <source>Unknown SKU(s): {skus}.</source>
        <translation>Unbekannte SKU(s): {skus}.</translation>
    </message>
    <message>
        <source>Unknown user name or wrong password.</source>
        <translation>Unbekannter Benutzername oder falsches Passwort.</translation>
    </message>
    <message>
        <source>Unsupported database URL &apos;{url}&apos;.</source>
        <translation>Nicht unterstützte Datenbank-URL „{url}“.</translation>
    </message>
    <message>
        <source>Use sqlite:///path/to/file.db or postgresql+psycopg://user@host/dbname.</source>
        <translation>Verwenden Sie sqlite:///pfad/zur/datei.db oder postgresql+psycopg://benutzer@host/datenbank.</translation>
    </message>
    <message>
        <source>Use the {action} action for that, not a warehouse step.</source>
        <translation>Verwenden Sie dafür die Aktion „{action}“, keinen Lagerschritt.</translation>
    </message>
    <message>
        <source>User {user} is locked after {failures} failed sign-ins until {time}; wait until then or ask an administrator to unlock it.</source>
        <translation>Benutzer {user} ist nach {failures} fehlgeschlagenen Anmeldungen bis {time} gesperrt; warten Sie bis dahin oder bitten Sie einen Administrator, ihn zu entsperren.</translation>
    </message>
    <message>
        <source>Users exist already: sign in as an administrator to add users.</source>
        <translation>Es gibt bereits Benutzer: melden Sie sich als Administrator an, um Benutzer hinzuzufügen.</translation>
    </message>
    <message>
        <source>VAT ID</source>
        <translation>USt-IdNr.</translation>
    </message>
    <message>
        <source>a coupon for the next order is a percent or an amount off</source>
        <translation>ein Gutschein für den nächsten Auftrag ist ein Prozentsatz oder ein Betrag Nachlass</translation>
    </message>
    <message>
        <source>a coupon gives a percent, an amount or free shipping</source>
        <translation>ein Gutschein gewährt einen Prozentsatz, einen Betrag oder kostenlosen Versand</translation>
    </message>
    <message>
        <source>a page holds 1 to {maximum} orders from a position of 0 or more</source>
        <translation>eine Seite fasst 1 bis {maximum} Aufträge ab einer Position von 0 oder mehr</translation>
    </message>
    <message>
        <source>a pick list holds at most {maximum} orders (asked {asked})</source>
        <translation>eine Kommissionierliste fasst höchstens {maximum} Aufträge (angefragt: {asked})</translation>
    </message>
    <message>
        <source>a pick list holds at most {maximum} orders ({chosen} chosen)</source>
        <translation>eine Kommissionierliste fasst höchstens {maximum} Aufträge ({chosen} ausgewählt)</translation>
    </message>
    <message>
        <source>a promotion called &apos;{name}&apos; exists already (end it or choose another name)</source>
        <translation>eine Aktion namens „{name}“ gibt es bereits (beenden Sie sie oder wählen Sie einen anderen Namen)</translation>
    </message>
    <message>
        <source>a purchase order needs at least one line (SKU=QTY)</source>
        <translation>eine Bestellung braucht mindestens eine Position (SKU=MENGE)</translation>
    </message>
    <message>
        <source>a supplier named &apos;{name}&apos; exists already</source>
        <translation>ein Lieferant namens &apos;{name}&apos; existiert bereits</translation>
    </message>
    <message>
        <source>a till counts cash and card, not &apos;{method}&apos;</source>
        <translation>eine Kasse zählt Bargeld und Karte, nicht &apos;{method}&apos;</translation>
    </message>
    <message>
        <source>a till&apos;s name cannot look like a session&apos;s number ({text}); name it e.g. FRONT or COUNTER-1</source>
        <translation>der Name einer Kasse darf nicht wie die Nummer einer Sitzung aussehen ({text}); nennen Sie sie z. B. FRONT oder COUNTER-1</translation>
    </message>
    <message>
        <source>a tracking number has {length} characters; &apos;{text}&apos; has {count}</source>
        <translation>eine Sendungsnummer hat {length} Zeichen; „{text}“ hat {count}</translation>
    </message>
    <message>
        <source>activate users</source>
        <translation>Benutzer aktivieren</translation>
    </message>
    <message>
        <source>add customers</source>
        <translation>Kunden anlegen</translation>
    </message>
    <message>
        <source>add suppliers</source>
        <translation>Lieferanten anlegen</translation>
    </message>
    <message>
        <source>add users</source>
        <translation>Benutzer anlegen</translation>
    </message>
    <message>
        <source>adjust stock</source>
        <translation>den Bestand korrigieren</translation>
    </message>
    <message>
        <source>amend orders</source>
        <translation>Aufträge ändern</translation>
    </message>
    <message>
        <source>amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <source>amount &apos;{text}&apos; is not a number</source>
        <translation>Betrag „{text}“ ist keine Zahl</translation>
    </message>
    <message>
        <source>amount must be more than 0</source>
        <translation>der Betrag muss größer als 0 sein</translation>
    </message>
    <message>
        <source>amount must be more than zero</source>
        <translation>Betrag muss größer als null sein</translation>
    </message>
    <message>
        <source>an order has at most {maximum} lines</source>
        <translation>ein Auftrag hat höchstens {maximum} Positionen</translation>
    </message>
    <message>
        <source>an order needs at least one line (SKU=QTY)</source>
        <translation>ein Auftrag braucht mindestens eine Position (SKU=MENGE)</translation>
    </message>
    <message>
        <source>backorder released ({lines})</source>
        <translation>Rückstand freigegeben ({lines})</translation>
    </message>
    <message>
        <source>backorder released ({lines}): {reason}</source>
        <translation>Rückstand freigegeben ({lines}): {reason}</translation>
    </message>
    <message>
        <source>backorder reserved: {lines}</source>
        <translation>Rückstand reserviert: {lines}</translation>
    </message>
    <message>
        <source>backorder reserved: {lines}; ready to pick</source>
        <translation>Rückstand reserviert: {lines}; bereit zum Kommissionieren</translation>
    </message>
    <message>
        <source>backorder: {lines} wait for goods</source>
        <translation>Rückstand: {lines} warten auf Ware</translation>
    </message>
    <message>
        <source>bank</source>
        <translation>Überweisung</translation>
    </message>
    <message>
        <source>bank account</source>
        <translation>Bankkonto</translation>
    </message>
    <message>
        <source>barcode &apos;{barcode}&apos; may contain only letters, digits and - (at most 64)</source>
        <translation>Barcode „{barcode}“ darf nur Buchstaben, Ziffern und - enthalten (höchstens 64)</translation>
    </message>
    <message>
        <source>barcode {barcode} already belongs to {owner}</source>
        <translation>Barcode {barcode} gehört bereits zu {owner}</translation>
    </message>
    <message>
        <source>barcode {barcode} appears again (first on row {first})</source>
        <translation>Barcode {barcode} kommt erneut vor (zuerst in Zeile {first})</translation>
    </message>
    <message>
        <source>basis &apos;{basis}&apos; is unknown (flat, value or weight)</source>
        <translation>Grundlage &apos;{basis}&apos; ist unbekannt (flat, value oder weight)</translation>
    </message>
    <message>
        <source>being picked</source>
        <translation>in der Kommissionierung</translation>
    </message>
    <message>
        <source>billing address</source>
        <translation>Rechnungsadresse</translation>
    </message>
    <message>
        <source>buy X get Y needs both --buy SKU=N and --get SKU=M</source>
        <translation>Kaufe X, erhalte Y braucht sowohl --buy SKU=N als auch --get SKU=M</translation>
    </message>
    <message>
        <source>buy X get Y needs quantities of at least 1</source>
        <translation>Kaufe X, erhalte Y braucht Mengen von mindestens 1</translation>
    </message>
    <message>
        <source>buy X get Y needs the SKU bought and the SKU given</source>
        <translation>Kaufe X, erhalte Y braucht die gekaufte und die geschenkte SKU</translation>
    </message>
    <message>
        <source>by someone</source>
        <translation>von jemandem</translation>
    </message>
    <message>
        <source>by {who} at {time} on {day}</source>
        <translation>von {who} um {time} am {day}</translation>
    </message>
    <message>
        <source>cancel orders</source>
        <translation>Aufträge stornieren</translation>
    </message>
    <message>
        <source>cancelled in the shop: import it with --history</source>
        <translation>im Shop storniert: importieren Sie ihn mit --history</translation>
    </message>
    <message>
        <source>card</source>
        <translation>Karte</translation>
    </message>
    <message>
        <source>card last four must be exactly four digits, for card payments only</source>
        <translation>die letzten vier Kartenziffern müssen genau vier Ziffern sein, nur bei Kartenzahlungen</translation>
    </message>
    <message>
        <source>carrier</source>
        <translation>Versanddienstleister</translation>
    </message>
    <message>
        <source>carrier is empty (e.g. DHL, UPS, post)</source>
        <translation>der Versanddienstleister ist leer (z. B. DHL, UPS, Post)</translation>
    </message>
    <message>
        <source>carrier reference</source>
        <translation>Sendungsreferenz</translation>
    </message>
    <message>
        <source>cash</source>
        <translation>bar</translation>
    </message>
    <message>
        <source>cash moves &apos;in&apos; or &apos;out&apos;, not &apos;{kind}&apos;</source>
        <translation>Bargeld bewegt sich &apos;in&apos; (hinein) oder &apos;out&apos; (hinaus), nicht &apos;{kind}&apos;</translation>
    </message>
    <message>
        <source>category &apos;{category}&apos; has no active products (categories: {known})</source>
        <translation>Kategorie „{category}“ hat keine aktiven Artikel (Kategorien: {known})</translation>
    </message>
    <message>
        <source>change</source>
        <translation>Wechselgeld</translation>
    </message>
    <message>
        <source>change cannot be negative</source>
        <translation>Wechselgeld darf nicht negativ sein</translation>
    </message>
    <message>
        <source>change company settings</source>
        <translation>die Firmeneinstellungen ändern</translation>
    </message>
    <message>
        <source>change customers</source>
        <translation>Kunden ändern</translation>
    </message>
    <message>
        <source>change delivery addresses</source>
        <translation>Lieferadressen ändern</translation>
    </message>
    <message>
        <source>change orders</source>
        <translation>Aufträge ändern</translation>
    </message>
    <message>
        <source>change roles</source>
        <translation>Rollen ändern</translation>
    </message>
    <message>
        <source>change the mail, status page and printer settings</source>
        <translation>die E-Mail-, Statusseiten- und Druckereinstellungen ändern</translation>
    </message>
    <message>
        <source>channel &apos;{channel}&apos; is unknown (choose one of: {choices})</source>
        <translation>Kanal „{channel}“ ist unbekannt (wählen Sie einen von: {choices})</translation>
    </message>
    <message>
        <source>channel &apos;{channel}&apos; is unknown (counter, phone, catalog or online)</source>
        <translation>Kanal „{channel}“ ist unbekannt (counter, phone, catalog oder online)</translation>
    </message>
    <message>
        <source>channel &apos;{value}&apos; is unknown</source>
        <translation>Kanal &apos;{value}&apos; ist unbekannt</translation>
    </message>
    <message>
        <source>choose at least one order for the pick list</source>
        <translation>wählen Sie mindestens einen Auftrag für die Kommissionierliste</translation>
    </message>
    <message>
        <source>choose exactly one of a SKU, a category or the total</source>
        <translation>wählen Sie genau eines: eine SKU, eine Kategorie oder die Gesamtsumme</translation>
    </message>
    <message>
        <source>choose suppliers</source>
        <translation>Lieferanten wählen</translation>
    </message>
    <message>
        <source>choose the orders or a number of orders (next N), not both or neither</source>
        <translation>wählen Sie die Aufträge oder eine Anzahl von Aufträgen (nächste N), nicht beides oder keines</translation>
    </message>
    <message>
        <source>close</source>
        <translation>schließen</translation>
    </message>
    <message>
        <source>close a till</source>
        <translation>eine Kasse schließen</translation>
    </message>
    <message>
        <source>company e-mail must be an e-mail address (got &apos;{value}&apos;)</source>
        <translation>die E-Mail der Firma muss eine E-Mail-Adresse sein (erhalten: &apos;{value}&apos;)</translation>
    </message>
    <message>
        <source>company name is empty</source>
        <translation>Firmenname ist leer</translation>
    </message>
    <message>
        <source>compute sales forecasts</source>
        <translation>Absatzprognosen berechnen</translation>
    </message>
    <message>
        <source>condition &apos;{condition}&apos; is unknown (restock or damaged)</source>
        <translation>Zustand &apos;{condition}&apos; ist unbekannt (restock oder damaged)</translation>
    </message>
    <message>
        <source>confirm deliveries</source>
        <translation>Zustellungen bestätigen</translation>
    </message>
    <message>
        <source>confirm orders</source>
        <translation>Aufträge bestätigen</translation>
    </message>
    <message>
        <source>confirm picks</source>
        <translation>Kommissionierungen bestätigen</translation>
    </message>
    <message>
        <source>count must be a whole number from 1 to {maximum} (got &apos;{count}&apos;)</source>
        <translation>die Anzahl muss eine ganze Zahl von 1 bis {maximum} sein (erhalten: „{count}“)</translation>
    </message>
    <message>
        <source>count the cash in the drawer (counted cash is required, 0 if it is empty)</source>
        <translation>zählen Sie das Bargeld in der Schublade (gezähltes Bargeld ist erforderlich, 0 wenn sie leer ist)</translation>
    </message>
    <message>
        <source>counted {method}</source>
        <translation>gezählt {method}</translation>
    </message>
    <message>
        <source>coupon</source>
        <translation>Gutschein</translation>
    </message>
    <message>
        <source>coupon code &apos;{code}&apos; is longer than {maximum} characters</source>
        <translation>Gutscheincode „{code}“ ist länger als {maximum} Zeichen</translation>
    </message>
    <message>
        <source>coupon code &apos;{code}&apos; may hold only letters, digits, - and _ (not {characters})</source>
        <translation>Gutscheincode „{code}“ darf nur Buchstaben, Ziffern, - und _ enthalten (nicht {characters})</translation>
    </message>
    <message>
        <source>coupon code is empty</source>
        <translation>Gutscheincode ist leer</translation>
    </message>
    <message>
        <source>coupon code {codes} exists already</source>
        <translation>Gutscheincode {codes} gibt es bereits</translation>
    </message>
    <message>
        <source>coupon {code} belongs to another customer</source>
        <translation>Gutschein {code} gehört einem anderen Kunden</translation>
    </message>
    <message>
        <source>coupon {code} does not exist</source>
        <translation>Gutschein {code} gibt es nicht</translation>
    </message>
    <message>
        <source>coupon {code} expired on {day}</source>
        <translation>Gutschein {code} ist am {day} abgelaufen</translation>
    </message>
    <message>
        <source>coupon {code} has been used up ({uses} use)</source>
        <translation>Gutschein {code} ist aufgebraucht ({uses} Einlösung)</translation>
    </message>
    <message>
        <source>coupon {code} has been used up ({uses} uses)</source>
        <translation>Gutschein {code} ist aufgebraucht ({uses} Einlösungen)</translation>
    </message>
    <message>
        <source>coupon {code} has been withdrawn</source>
        <translation>Gutschein {code} wurde zurückgezogen</translation>
    </message>
    <message>
        <source>coupon {code} has just been used up</source>
        <translation>Gutschein {code} wurde soeben aufgebraucht</translation>
    </message>
    <message>
        <source>coupon {code} has just been used up; take it off the order or confirm without it.</source>
        <translation>Gutschein {code} wurde soeben aufgebraucht; entfernen Sie ihn vom Auftrag oder bestätigen Sie ohne ihn.</translation>
    </message>
    <message>
        <source>coupon {code} is for products that are not in this order</source>
        <translation>Gutschein {code} gilt für Artikel, die nicht in diesem Auftrag sind</translation>
    </message>
    <message>
        <source>coupon {code} needs an order of at least {minimum} (this one is {subtotal})</source>
        <translation>Gutschein {code} erfordert einen Auftragswert von mindestens {minimum} (dieser beträgt {subtotal})</translation>
    </message>
    <message>
        <source>coupon {code} was already used by this customer ({uses} of {allowed})</source>
        <translation>Gutschein {code} wurde von diesem Kunden bereits eingelöst ({uses} von {allowed})</translation>
    </message>
    <message>
        <source>create coupons</source>
        <translation>Gutscheine anlegen</translation>
    </message>
    <message>
        <source>create orders</source>
        <translation>Aufträge anlegen</translation>
    </message>
    <message>
        <source>create pick lists</source>
        <translation>Kommissionierlisten anlegen</translation>
    </message>
    <message>
        <source>create products</source>
        <translation>Artikel anlegen</translation>
    </message>
    <message>
        <source>create purchase orders</source>
        <translation>Bestellungen anlegen</translation>
    </message>
    <message>
        <source>currency &apos;{value}&apos; is not supported ({known})</source>
        <translation>Währung &apos;{value}&apos; wird nicht unterstützt ({known})</translation>
    </message>
    <message>
        <source>damaged</source>
        <translation>beschädigt</translation>
    </message>
    <message>
        <source>days must be 0 or more (got {days})</source>
        <translation>die Tage müssen 0 oder mehr sein (erhalten: {days})</translation>
    </message>
    <message>
        <source>days must be between 1 and {most} (got {days})</source>
        <translation>die Tage müssen zwischen 1 und {most} liegen (erhalten: {days})</translation>
    </message>
    <message>
        <source>deactivate users</source>
        <translation>Benutzer deaktivieren</translation>
    </message>
    <message>
        <source>deactivated</source>
        <translation>deaktiviert</translation>
    </message>
    <message>
        <source>discount</source>
        <translation>Rabatt</translation>
    </message>
    <message>
        <source>duplicate column(s): {columns}</source>
        <translation>doppelte Spalte(n): {columns}</translation>
    </message>
    <message>
        <source>e-mail &apos;{email}&apos; is not an e-mail address</source>
        <translation>E-Mail „{email}“ ist keine E-Mail-Adresse</translation>
    </message>
    <message>
        <source>edit products</source>
        <translation>Artikel bearbeiten</translation>
    </message>
    <message>
        <source>edit purchase orders</source>
        <translation>Bestellungen bearbeiten</translation>
    </message>
    <message>
        <source>email &apos;{email}&apos; is not an email address</source>
        <translation>E-Mail &apos;{email}&apos; ist keine E-Mail-Adresse</translation>
    </message>
    <message>
        <source>end promotions</source>
        <translation>Aktionen beenden</translation>
    </message>
    <message>
        <source>expires</source>
        <translation>Ablaufdatum</translation>
    </message>
    <message>
        <source>export the catalog</source>
        <translation>den Katalog exportieren</translation>
    </message>
    <message>
        <source>find customers</source>
        <translation>Kunden suchen</translation>
    </message>
    <message>
        <source>format &apos;{format}&apos; is unknown (shopify, woocommerce, generic or auto)</source>
        <translation>Format „{format}“ ist unbekannt (shopify, woocommerce, generic oder auto)</translation>
    </message>
    <message>
        <source>free shipping</source>
        <translation>kostenloser Versand</translation>
    </message>
    <message>
        <source>freq &apos;{freq}&apos; is unknown (choose one of: {choices})</source>
        <translation>freq „{freq}“ ist unbekannt (wählen Sie eines von: {choices})</translation>
    </message>
    <message>
        <source>from</source>
        <translation>Beginn</translation>
    </message>
    <message>
        <source>from {start} is after to {end}</source>
        <translation>von {start} liegt nach bis {end}</translation>
    </message>
    <message>
        <source>fulfilled in the shop: import it with --history</source>
        <translation>im Shop bereits ausgeliefert: importieren Sie ihn mit --history</translation>
    </message>
    <message>
        <source>give a price (flat) or tiers FROM:PRICE</source>
        <translation>geben Sie einen Preis (flat) oder Staffeln AB:PREIS an</translation>
    </message>
    <message>
        <source>give a {discount} discount (the limit is {limit})</source>
        <translation>{discount} Rabatt gewähren (die Grenze liegt bei {limit})</translation>
    </message>
    <message>
        <source>give exactly one effect: --percent, --amount, --free-shipping</source>
        <translation>geben Sie genau eine Wirkung an: --percent, --amount, --free-shipping</translation>
    </message>
    <message>
        <source>give exactly one effect: --percent, --amount, --free-shipping (got {got})</source>
        <translation>geben Sie genau eine Wirkung an: --percent, --amount, --free-shipping (erhalten: {got})</translation>
    </message>
    <message>
        <source>give exactly one effect: --percent, --amount, --free-shipping or --buy with --get</source>
        <translation>geben Sie genau eine Wirkung an: --percent, --amount, --free-shipping oder --buy mit --get</translation>
    </message>
    <message>
        <source>give exactly one effect: --percent, --amount, --free-shipping or --buy with --get (got {got})</source>
        <translation>geben Sie genau eine Wirkung an: --percent, --amount, --free-shipping oder --buy mit --get (erhalten: {got})</translation>
    </message>
    <message>
        <source>group by &apos;{by}&apos; is unknown (choose one of: {choices})</source>
        <translation>Gruppierung „{by}“ ist unbekannt (wählen Sie eine von: {choices})</translation>
    </message>
    <message>
        <source>has {count} fields, the header has {expected}</source>
        <translation>hat {count} Felder, die Kopfzeile hat {expected}</translation>
    </message>
    <message>
        <source>import orders</source>
        <translation>Aufträge importieren</translation>
    </message>
    <message>
        <source>import the catalog</source>
        <translation>den Katalog importieren</translation>
    </message>
    <message>
        <source>invoice date</source>
        <translation>Rechnungsdatum</translation>
    </message>
    <message>
        <source>invoice series must be 2 to 6 letters (got &apos;{value}&apos;)</source>
        <translation>die Rechnungsserie muss aus 2 bis 6 Buchstaben bestehen (erhalten: &apos;{value}&apos;)</translation>
    </message>
    <message>
        <source>issue credit notes</source>
        <translation>Gutschriften ausstellen</translation>
    </message>
    <message>
        <source>issue invoices</source>
        <translation>Rechnungen ausstellen</translation>
    </message>
    <message>
        <source>just now</source>
        <translation>gerade eben</translation>
    </message>
    <message>
        <source>language &apos;{code}&apos; is not supported (choose one of: {choices})</source>
        <translation>Sprache „{code}“ wird nicht unterstützt (wählen Sie eine von: {choices})</translation>
    </message>
    <message>
        <source>language &apos;{code}&apos; is not supported (one of: {choices})</source>
        <translation>Sprache „{code}“ wird nicht unterstützt (eine von: {choices})</translation>
    </message>
    <message>
        <source>lead days must be a whole number from 0 to {most} (got {lead_days})</source>
        <translation>Lieferzeit in Tagen muss eine ganze Zahl von 0 bis {most} sein (erhalten: {lead_days})</translation>
    </message>
    <message>
        <source>limit must be at least 1 (got {limit})</source>
        <translation>das Limit muss mindestens 1 sein (erhalten: {limit})</translation>
    </message>
    <message>
        <source>list users</source>
        <translation>Benutzer auflisten</translation>
    </message>
    <message>
        <source>locale</source>
        <translation>Gebietsschema</translation>
    </message>
    <message>
        <source>locale is empty (language and country, e.g. en_US, de_DE)</source>
        <translation>Gebietsschema ist leer (Sprache und Land, z. B. en_US, de_DE)</translation>
    </message>
    <message>
        <source>lock after minutes must be a whole number from 0 (never) to 480 (got &apos;{value}&apos;)</source>
        <translation>Sperren nach Minuten muss eine ganze Zahl von 0 (nie) bis 480 sein (erhalten: &apos;{value}&apos;)</translation>
    </message>
    <message>
        <source>look up orders</source>
        <translation>Aufträge nachschlagen</translation>
    </message>
    <message>
        <source>made {role}</source>
        <translation>zu {role} gemacht</translation>
    </message>
    <message>
        <source>malformed CSV header: {error}</source>
        <translation>fehlerhafte CSV-Kopfzeile: {error}</translation>
    </message>
    <message>
        <source>malformed CSV: {error}</source>
        <translation>fehlerhaftes CSV: {error}</translation>
    </message>
    <message>
        <source>measure &apos;{measure}&apos; is unknown (choose one of: {choices})</source>
        <translation>measure „{measure}“ ist unbekannt (wählen Sie eines von: {choices})</translation>
    </message>
    <message>
        <source>merge customers</source>
        <translation>Kunden zusammenführen</translation>
    </message>
    <message>
        <source>minimum total</source>
        <translation>Mindestsumme</translation>
    </message>
    <message>
        <source>minimum total must not be negative</source>
        <translation>der Mindestbetrag darf nicht negativ sein</translation>
    </message>
    <message>
        <source>minimum total {value} has more decimals than {currency} allows</source>
        <translation>Mindestsumme {value} hat mehr Nachkommastellen, als {currency} erlaubt</translation>
    </message>
    <message>
        <source>missing column(s): {columns} (expected {expected})</source>
        <translation>fehlende Spalte(n): {columns} (erwartet: {expected})</translation>
    </message>
    <message>
        <source>move cash</source>
        <translation>Bargeld zu bewegen</translation>
    </message>
    <message>
        <source>move orders through the warehouse</source>
        <translation>Aufträge durch das Lager bewegen</translation>
    </message>
    <message>
        <source>name contains control characters</source>
        <translation>der Name enthält Steuerzeichen</translation>
    </message>
    <message>
        <source>name is empty</source>
        <translation>der Name ist leer</translation>
    </message>
    <message>
        <source>name is longer than 300 characters</source>
        <translation>der Name ist länger als 300 Zeichen</translation>
    </message>
    <message>
        <source>no PDF renderer in this program for the invoice</source>
        <translation>dieses Programm hat keinen PDF-Renderer für die Rechnung</translation>
    </message>
    <message>
        <source>no check named {names} (there are: {known})</source>
        <translation>keine Prüfung namens {names} (vorhanden sind: {known})</translation>
    </message>
    <message>
        <source>no customer number {customer}</source>
        <translation>keine Kundennummer {customer}</translation>
    </message>
    <message>
        <source>no order number</source>
        <translation>keine Auftragsnummer</translation>
    </message>
    <message>
        <source>no receipt printer driver in this program</source>
        <translation>kein Treiber für den Bondrucker in diesem Programm</translation>
    </message>
    <message>
        <source>nobody signed in</source>
        <translation>niemand angemeldet</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>none (it is final)</source>
        <translation>keiner (der Status ist endgültig)</translation>
    </message>
    <message>
        <source>none set up</source>
        <translation>keine eingerichtet</translation>
    </message>
    <message>
        <source>notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>nothing found on {pick_list}; back in the queue</source>
        <translation>nichts gefunden auf {pick_list}; zurück in der Warteschlange</translation>
    </message>
    <message>
        <source>nothing is due</source>
        <translation>nichts ist fällig</translation>
    </message>
    <message>
        <source>nothing to change: give a line (SKU=QTY), a SKU to remove or a price (SKU=AMOUNT)</source>
        <translation>nichts zu ändern: geben Sie eine Position (SKU=MENGE), eine zu entfernende SKU oder einen Preis (SKU=BETRAG) an</translation>
    </message>
    <message>
        <source>nothing to invoice: give at least one SKU=QTY</source>
        <translation>nichts abzurechnen: geben Sie mindestens eine SKU=MENGE an</translation>
    </message>
    <message>
        <source>nothing to receive: give at least one SKU=QTY</source>
        <translation>nichts zu empfangen: geben Sie mindestens eine SKU=MENGE an</translation>
    </message>
    <message>
        <source>offer exactly one of: percent, amount, free shipping, coupon</source>
        <translation>bieten Sie genau eines an: Prozent, Betrag, kostenlosen Versand, Gutschein</translation>
    </message>
    <message>
        <source>offer exactly one of: percent, amount, free shipping, coupon (got {chosen})</source>
        <translation>bieten Sie genau eines an: Prozent, Betrag, kostenlosen Versand, Gutschein (erhalten: {chosen})</translation>
    </message>
    <message>
        <source>offer incentives</source>
        <translation>Angebote machen</translation>
    </message>
    <message>
        <source>on pick list {pick_list}</source>
        <translation>auf der Kommissionierliste {pick_list}</translation>
    </message>
    <message>
        <source>on {pick_list}, tote T{tote}</source>
        <translation>auf {pick_list}, Kiste T{tote}</translation>
    </message>
    <message>
        <source>online</source>
        <translation>Online-Zahlung</translation>
    </message>
    <message>
        <source>only {available} of {sku} available (ordered {requested})</source>
        <translation>nur {available} von {sku} verfügbar (bestellt: {requested})</translation>
    </message>
    <message>
        <source>only {remaining} of {sku} can still be credited on {number} (asked {asked})</source>
        <translation>von {sku} können auf {number} nur noch {remaining} gutgeschrieben werden (verlangt: {asked})</translation>
    </message>
    <message>
        <source>open a till</source>
        <translation>eine Kasse öffnen</translation>
    </message>
    <message>
        <source>open the cash drawer</source>
        <translation>die Kassenlade öffnen</translation>
    </message>
    <message>
        <source>order number {ref} is on {count} rows; this format has one row per order</source>
        <translation>Auftragsnummer {ref} steht in {count} Zeilen; dieses Format hat eine Zeile pro Auftrag</translation>
    </message>
    <message>
        <source>order {order} no longer exists</source>
        <translation>Auftrag {order} existiert nicht mehr</translation>
    </message>
    <message>
        <source>pack orders</source>
        <translation>Aufträge verpacken</translation>
    </message>
    <message>
        <source>paid &apos;{paid}&apos; is not yes or no</source>
        <translation>paid „{paid}“ ist weder yes noch no</translation>
    </message>
    <message>
        <source>partly received</source>
        <translation>teilweise empfangen</translation>
    </message>
    <message>
        <source>pay refunds</source>
        <translation>Erstattungen auszahlen</translation>
    </message>
    <message>
        <source>pay suppliers</source>
        <translation>Lieferanten bezahlen</translation>
    </message>
    <message>
        <source>payment date</source>
        <translation>Zahlungsdatum</translation>
    </message>
    <message>
        <source>payment method &apos;{method}&apos; is unknown (cash, card, bank or online)</source>
        <translation>Zahlungsart „{method}“ ist unbekannt (cash, card, bank oder online)</translation>
    </message>
    <message>
        <source>payment method &apos;{method}&apos; is unknown (choose {choices})</source>
        <translation>Zahlungsart &apos;{method}&apos; ist unbekannt (wählen Sie {choices})</translation>
    </message>
    <message>
        <source>payment terms must be 0 to 365 days</source>
        <translation>das Zahlungsziel muss 0 bis 365 Tage betragen</translation>
    </message>
    <message>
        <source>payment terms must be a whole number of days from 0 to 365 (got &apos;{value}&apos;)</source>
        <translation>das Zahlungsziel muss eine ganze Zahl von Tagen von 0 bis 365 sein (erhalten: &apos;{value}&apos;)</translation>
    </message>
    <message>
        <source>per customer</source>
        <translation>pro Kunde</translation>
    </message>
    <message>
        <source>per customer must be at least 1</source>
        <translation>pro Kunde muss mindestens 1 sein</translation>
    </message>
    <message>
        <source>percent</source>
        <translation>Prozent</translation>
    </message>
    <message>
        <source>percent must be more than 0</source>
        <translation>Prozent muss größer als 0 sein</translation>
    </message>
    <message>
        <source>percent must be more than 0 and at most 100</source>
        <translation>Prozent muss größer als 0 und höchstens 100 sein</translation>
    </message>
    <message>
        <source>period &apos;{period}&apos; is unknown (day, week or month)</source>
        <translation>Zeitraum &apos;{period}&apos; ist unbekannt (day, week oder month)</translation>
    </message>
    <message>
        <source>pg_dump failed: {problem}.</source>
        <translation>pg_dump ist fehlgeschlagen: {problem}.</translation>
    </message>
    <message>
        <source>pg_dump is not installed here, so the PostgreSQL database cannot be backed up.</source>
        <translation>pg_dump ist hier nicht installiert, daher kann die PostgreSQL-Datenbank nicht gesichert werden.</translation>
    </message>
    <message>
        <source>pg_restore failed: {problem}; nothing was changed.</source>
        <translation>pg_restore ist fehlgeschlagen: {problem}; nichts wurde geändert.</translation>
    </message>
    <message>
        <source>pg_restore is not installed here, so the PostgreSQL backup cannot be restored.</source>
        <translation>pg_restore ist hier nicht installiert, daher kann die PostgreSQL-Sicherung nicht wiederhergestellt werden.</translation>
    </message>
    <message>
        <source>phone &apos;{phone}&apos; is not a phone number</source>
        <translation>Telefon „{phone}“ ist keine Telefonnummer</translation>
    </message>
    <message>
        <source>phone &apos;{p}&apos; is not a phone number</source>
        <translation>Telefon &apos;{p}&apos; ist keine Telefonnummer</translation>
    </message>
    <message>
        <source>place orders</source>
        <translation>Bestellungen aufgeben</translation>
    </message>
    <message>
        <source>placed</source>
        <translation>aufgegeben</translation>
    </message>
    <message>
        <source>post stock counts</source>
        <translation>Inventurzählungen buchen</translation>
    </message>
    <message>
        <source>preview invoices</source>
        <translation>Rechnungsvorschauen ansehen</translation>
    </message>
    <message>
        <source>print packing slips</source>
        <translation>Lieferscheine drucken</translation>
    </message>
    <message>
        <source>print purchase orders</source>
        <translation>Bestellungen drucken</translation>
    </message>
    <message>
        <source>print receipts</source>
        <translation>Belege drucken</translation>
    </message>
    <message>
        <source>print the catalog</source>
        <translation>den Katalog drucken</translation>
    </message>
    <message>
        <source>print the waiting receipts</source>
        <translation>die wartenden Belege drucken</translation>
    </message>
    <message>
        <source>priority &apos;{priority}&apos; is not a whole number</source>
        <translation>Priorität &apos;{priority}&apos; ist keine ganze Zahl</translation>
    </message>
    <message>
        <source>product {product}: the reservation is smaller than the shipment</source>
        <translation>Artikel {product}: die Reservierung ist kleiner als die Sendung</translation>
    </message>
    <message>
        <source>promotion &apos;{name}&apos; has ended already</source>
        <translation>Aktion „{name}“ ist bereits beendet</translation>
    </message>
    <message>
        <source>promotion name is empty</source>
        <translation>der Name der Aktion ist leer</translation>
    </message>
    <message>
        <source>promotion name is longer than 100 characters</source>
        <translation>der Name der Aktion ist länger als 100 Zeichen</translation>
    </message>
    <message>
        <source>put cash into or take it out of a till</source>
        <translation>Bargeld in eine Kasse einlegen oder entnehmen</translation>
    </message>
    <message>
        <source>quantity</source>
        <translation>Menge</translation>
    </message>
    <message>
        <source>quantity for {sku}</source>
        <translation>Menge für {sku}</translation>
    </message>
    <message>
        <source>quantity must not be zero</source>
        <translation>die Menge darf nicht null sein</translation>
    </message>
    <message>
        <source>quantity {delta} is too large (at most 1000000 either way)</source>
        <translation>die Menge {delta} ist zu groß (höchstens 1000000 in jede Richtung)</translation>
    </message>
    <message>
        <source>read the audit trail</source>
        <translation>das Protokoll lesen</translation>
    </message>
    <message>
        <source>read till reports</source>
        <translation>Kassenberichte lesen</translation>
    </message>
    <message>
        <source>reason &apos;{reason}&apos; is unknown (choose one of: {choices})</source>
        <translation>Grund „{reason}“ ist unbekannt (wählen Sie einen von: {choices})</translation>
    </message>
    <message>
        <source>receive goods</source>
        <translation>Waren annehmen</translation>
    </message>
    <message>
        <source>receive returns</source>
        <translation>Retouren annehmen</translation>
    </message>
    <message>
        <source>received {received} of {quantity}, invoiced {invoiced}</source>
        <translation>{received} von {quantity} empfangen, {invoiced} abgerechnet</translation>
    </message>
    <message>
        <source>record payments</source>
        <translation>Zahlungen erfassen</translation>
    </message>
    <message>
        <source>record supplier invoices</source>
        <translation>Eingangsrechnungen erfassen</translation>
    </message>
    <message>
        <source>reference is longer than 100 characters</source>
        <translation>die Referenz ist länger als 100 Zeichen</translation>
    </message>
    <message>
        <source>release backorders</source>
        <translation>Rückstände freigeben</translation>
    </message>
    <message>
        <source>repeat of {order}</source>
        <translation>Wiederholung von {order}</translation>
    </message>
    <message>
        <source>reset passwords</source>
        <translation>Passwörter zurücksetzen</translation>
    </message>
    <message>
        <source>restock</source>
        <translation>zurück in den Bestand</translation>
    </message>
    <message>
        <source>restore a backup</source>
        <translation>eine Sicherung wiederherstellen</translation>
    </message>
    <message>
        <source>reverse journal entries</source>
        <translation>Journalbuchungen stornieren</translation>
    </message>
    <message>
        <source>role &apos;{role}&apos; is unknown (choose one of: {roles})</source>
        <translation>Rolle &apos;{role}&apos; ist unbekannt (wählen Sie eine aus: {roles})</translation>
    </message>
    <message>
        <source>row {row}</source>
        <translation>Zeile {row}</translation>
    </message>
    <message>
        <source>row {row}, column {column}: {problem}</source>
        <translation>Zeile {row}, Spalte {column}: {problem}</translation>
    </message>
    <message>
        <source>row {row}: SKU {sku} is not in the catalog</source>
        <translation>Zeile {row}: SKU {sku} ist nicht im Katalog</translation>
    </message>
    <message>
        <source>row {row}: a cell longer than {limit} characters; this is not an order export</source>
        <translation>Zeile {row}: eine Zelle ist länger als {limit} Zeichen; das ist kein Auftragsexport</translation>
    </message>
    <message>
        <source>row {row}: barcode {barcode} is not in the catalog</source>
        <translation>Zeile {row}: Barcode {barcode} ist nicht im Katalog</translation>
    </message>
    <message>
        <source>row {row}: neither sku nor barcode is given</source>
        <translation>Zeile {row}: weder sku noch barcode ist angegeben</translation>
    </message>
    <message>
        <source>row {row}: not CSV ({error})</source>
        <translation>Zeile {row}: kein CSV ({error})</translation>
    </message>
    <message>
        <source>row {row}: the line &apos;{name}&apos; has no SKU (Lineitem sku is empty); give the product a SKU in the shop, or leave the order out</source>
        <translation>Zeile {row}: die Position „{name}“ hat keine SKU (Lineitem sku ist leer); geben Sie dem Artikel im Shop eine SKU oder lassen Sie den Auftrag weg</translation>
    </message>
    <message>
        <source>row {row}: {problem}</source>
        <translation>Zeile {row}: {problem}</translation>
    </message>
    <message>
        <source>row {row}: {sku} is no longer sold</source>
        <translation>Zeile {row}: {sku} wird nicht mehr verkauft</translation>
    </message>
    <message>
        <source>rows {first}-{last}</source>
        <translation>Zeilen {first}-{last}</translation>
    </message>
    <message>
        <source>run the integrity checks</source>
        <translation>die Integritätsprüfungen ausführen</translation>
    </message>
    <message>
        <source>say what to change: mail on or off, invoice PDF by mail yes or no</source>
        <translation>geben Sie an, was geändert werden soll: E-Mail ein oder aus, Rechnungs-PDF per E-Mail ja oder nein</translation>
    </message>
    <message>
        <source>say why the cash moves (a reason, e.g. &apos;change from the bank&apos; or &apos;drop to the safe&apos;)</source>
        <translation>geben Sie an, warum das Bargeld bewegt wird (einen Grund, z. B. &apos;Wechselgeld von der Bank&apos; oder &apos;Abschöpfung in den Tresor&apos;)</translation>
    </message>
    <message>
        <source>say why the entry is reversed</source>
        <translation>geben Sie an, warum die Buchung storniert wird</translation>
    </message>
    <message>
        <source>search orders</source>
        <translation>Aufträge suchen</translation>
    </message>
    <message>
        <source>see a customer&apos;s balance</source>
        <translation>den Saldo eines Kunden sehen</translation>
    </message>
    <message>
        <source>see an order&apos;s e-mails</source>
        <translation>die E-Mails eines Auftrags sehen</translation>
    </message>
    <message>
        <source>see an order&apos;s print jobs</source>
        <translation>die Druckaufträge eines Auftrags sehen</translation>
    </message>
    <message>
        <source>see conversion</source>
        <translation>die Konversion sehen</translation>
    </message>
    <message>
        <source>see coupons</source>
        <translation>Gutscheine sehen</translation>
    </message>
    <message>
        <source>see events</source>
        <translation>Ereignisse sehen</translation>
    </message>
    <message>
        <source>see open carts</source>
        <translation>offene Warenkörbe sehen</translation>
    </message>
    <message>
        <source>see pick lists</source>
        <translation>Kommissionierlisten sehen</translation>
    </message>
    <message>
        <source>see promotions</source>
        <translation>Aktionen sehen</translation>
    </message>
    <message>
        <source>see purchase orders</source>
        <translation>Bestellungen sehen</translation>
    </message>
    <message>
        <source>see sales forecasts</source>
        <translation>Absatzprognosen sehen</translation>
    </message>
    <message>
        <source>see shipping methods</source>
        <translation>Versandarten sehen</translation>
    </message>
    <message>
        <source>see supplier invoices</source>
        <translation>Eingangsrechnungen sehen</translation>
    </message>
    <message>
        <source>see suppliers</source>
        <translation>Lieferanten sehen</translation>
    </message>
    <message>
        <source>see the backups</source>
        <translation>die Sicherungen sehen</translation>
    </message>
    <message>
        <source>see the dashboard</source>
        <translation>die Übersicht sehen</translation>
    </message>
    <message>
        <source>see the e-mail outbox</source>
        <translation>den E-Mail-Postausgang sehen</translation>
    </message>
    <message>
        <source>see the sales report</source>
        <translation>den Verkaufsbericht sehen</translation>
    </message>
    <message>
        <source>see the settings</source>
        <translation>die Einstellungen sehen</translation>
    </message>
    <message>
        <source>see the warehouse queue</source>
        <translation>die Lagerwarteschlange sehen</translation>
    </message>
    <message>
        <source>see what an invoice would bill</source>
        <translation>sehen, was eine Rechnung berechnen würde</translation>
    </message>
    <message>
        <source>sell {items}</source>
        <translation>{items} verkaufen</translation>
    </message>
    <message>
        <source>sell {sku} at {price} instead of {catalog_price}</source>
        <translation>{sku} für {price} statt {catalog_price} verkaufen</translation>
    </message>
    <message>
        <source>send a failed e-mail again</source>
        <translation>eine fehlgeschlagene E-Mail erneut senden</translation>
    </message>
    <message>
        <source>send the waiting e-mails</source>
        <translation>die wartenden E-Mails senden</translation>
    </message>
    <message>
        <source>service</source>
        <translation>Versandart</translation>
    </message>
    <message>
        <source>set other users&apos; language</source>
        <translation>die Sprache anderer Benutzer festlegen</translation>
    </message>
    <message>
        <source>set up promotions</source>
        <translation>Aktionen einrichten</translation>
    </message>
    <message>
        <source>set up shipping methods</source>
        <translation>Versandarten einrichten</translation>
    </message>
    <message>
        <source>several suppliers have an invoice numbered &apos;{number}&apos; ({refs}); give our reference instead</source>
        <translation>mehrere Lieferanten haben eine Rechnung mit der Nummer &apos;{number}&apos; ({refs}); geben Sie stattdessen unsere Referenz an</translation>
    </message>
    <message>
        <source>ship orders</source>
        <translation>Aufträge versenden</translation>
    </message>
    <message>
        <source>shipping address</source>
        <translation>Lieferadresse</translation>
    </message>
    <message>
        <source>shipping code &apos;{code}&apos; must be 1-32 letters, digits, - or _</source>
        <translation>Versandcode &apos;{code}&apos; muss aus 1-32 Buchstaben, Ziffern, - oder _ bestehen</translation>
    </message>
    <message>
        <source>shipping method &apos;{method}&apos; is unknown (known: {known})</source>
        <translation>Versandart „{method}“ ist unbekannt (bekannt: {known})</translation>
    </message>
    <message>
        <source>shipping method &apos;{method}&apos; is unknown (see oms shipping list)</source>
        <translation>Versandart „{method}“ ist unbekannt (siehe oms shipping list)</translation>
    </message>
    <message>
        <source>shipping method name is empty</source>
        <translation>der Name der Versandart ist leer</translation>
    </message>
    <message>
        <source>sku or barcode</source>
        <translation>sku oder barcode</translation>
    </message>
    <message>
        <source>smtp.from must be an e-mail address (got &apos;{value}&apos;)</source>
        <translation>smtp.from muss eine E-Mail-Adresse sein (erhalten: „{value}“)</translation>
    </message>
    <message>
        <source>smtp.host must be a host name without spaces (got &apos;{value}&apos;)</source>
        <translation>smtp.host muss ein Hostname ohne Leerzeichen sein (erhalten: „{value}“)</translation>
    </message>
    <message>
        <source>smtp.password is never stored in the database: put it in the system keyring (service &apos;oms-desktop&apos;, user = smtp.user) or set OMS_SMTP_PASSWORD</source>
        <translation>smtp.password wird nie in der Datenbank gespeichert: legen Sie es im Schlüsselbund des Systems ab (Dienst „oms-desktop“, Benutzer = smtp.user) oder setzen Sie OMS_SMTP_PASSWORD</translation>
    </message>
    <message>
        <source>smtp.port must be a number from 1 to 65535 (got &apos;{value}&apos;)</source>
        <translation>smtp.port muss eine Zahl von 1 bis 65535 sein (erhalten: „{value}“)</translation>
    </message>
    <message>
        <source>smtp.security must be one of {choices} (got &apos;{value}&apos;)</source>
        <translation>smtp.security muss eines von {choices} sein (erhalten: „{value}“)</translation>
    </message>
    <message>
        <source>smtp.user is longer than 200 characters</source>
        <translation>smtp.user ist länger als 200 Zeichen</translation>
    </message>
    <message>
        <source>someone</source>
        <translation>jemandem</translation>
    </message>
    <message>
        <source>status &apos;{status}&apos; is not a WooCommerce order status this import knows</source>
        <translation>Status „{status}“ ist kein WooCommerce-Auftragsstatus, den dieser Import kennt</translation>
    </message>
    <message>
        <source>status &apos;{status}&apos; is not open, fulfilled or cancelled</source>
        <translation>Status „{status}“ ist weder open noch fulfilled noch cancelled</translation>
    </message>
    <message>
        <source>status &apos;{status}&apos; is unknown</source>
        <translation>Status &apos;{status}&apos; ist unbekannt</translation>
    </message>
    <message>
        <source>status &apos;{status}&apos; is unknown (choose one of: {choices})</source>
        <translation>Status &apos;{status}&apos; ist unbekannt (wählen Sie einen aus: {choices})</translation>
    </message>
    <message>
        <source>status &apos;{target}&apos; is unknown</source>
        <translation>Status &apos;{target}&apos; ist unbekannt</translation>
    </message>
    <message>
        <source>still open in the shop: import it without --history</source>
        <translation>im Shop noch offen: importieren Sie ihn ohne --history</translation>
    </message>
    <message>
        <source>supplier name is empty</source>
        <translation>Lieferantenname ist leer</translation>
    </message>
    <message>
        <source>supplier name is longer than 200 characters</source>
        <translation>Lieferantenname ist länger als 200 Zeichen</translation>
    </message>
    <message>
        <source>take a backup</source>
        <translation>eine Sicherung anlegen</translation>
    </message>
    <message>
        <source>tax</source>
        <translation>Steuer</translation>
    </message>
    <message>
        <source>tax rate</source>
        <translation>Steuersatz</translation>
    </message>
    <message>
        <source>tax_rate is empty (write 0 for untaxed goods)</source>
        <translation>tax_rate ist leer (schreiben Sie 0 für steuerfreie Waren)</translation>
    </message>
    <message>
        <source>tax_rounding must be &apos;line&apos; or &apos;document&apos;</source>
        <translation>tax_rounding muss &apos;line&apos; oder &apos;document&apos; sein</translation>
    </message>
    <message>
        <source>that SKU</source>
        <translation>diese SKU</translation>
    </message>
    <message>
        <source>the SKU cannot change ({sku} -&gt; {new_sku}); create a new product and deactivate {sku} instead</source>
        <translation>die SKU kann nicht geändert werden ({sku} -&gt; {new_sku}); legen Sie stattdessen einen neuen Artikel an und deaktivieren Sie {sku}</translation>
    </message>
    <message>
        <source>the address is empty</source>
        <translation>die Adresse ist leer</translation>
    </message>
    <message>
        <source>the address needs a label (Office, Mother, ...)</source>
        <translation>die Adresse braucht eine Bezeichnung (Büro, Mutter, ...)</translation>
    </message>
    <message>
        <source>the amount</source>
        <translation>der Betrag</translation>
    </message>
    <message>
        <source>the amount must be more than 0</source>
        <translation>der Betrag muss größer als 0 sein</translation>
    </message>
    <message>
        <source>the amount off ({amount}) is more than the minimum order ({minimum}): a total could be negative; set a minimum total of at least the amount</source>
        <translation>der Nachlass ({amount}) ist größer als der Mindestbestellwert ({minimum}): eine Summe könnte negativ werden; setzen Sie eine Mindestsumme von mindestens dem Nachlass</translation>
    </message>
    <message>
        <source>the backorder of {order}</source>
        <translation>Der Rückstand von {order}</translation>
    </message>
    <message>
        <source>the billing address</source>
        <translation>die Rechnungsadresse</translation>
    </message>
    <message>
        <source>the carrier&apos;s tracking reference is empty</source>
        <translation>die Sendungsnummer des Versanddienstleisters ist leer</translation>
    </message>
    <message>
        <source>the claim on this message was lost; not sent</source>
        <translation>die Reservierung dieser Nachricht ging verloren; nicht gesendet</translation>
    </message>
    <message>
        <source>the count is empty: count at least one product</source>
        <translation>die Zählung ist leer: zählen Sie mindestens einen Artikel</translation>
    </message>
    <message>
        <source>the coupon has just been used up</source>
        <translation>der Gutschein wurde soeben aufgebraucht</translation>
    </message>
    <message>
        <source>the customer keeps an address labelled &apos;{label}&apos; already</source>
        <translation>der Kunde hat bereits eine Adresse mit der Bezeichnung &apos;{label}&apos;</translation>
    </message>
    <message>
        <source>the customer to keep and the duplicate are the same ({customer}); choose two customers</source>
        <translation>der zu behaltende Kunde und die Dublette sind derselbe ({customer}); wählen Sie zwei Kunden</translation>
    </message>
    <message>
        <source>the customer&apos;s name</source>
        <translation>der Name des Kunden</translation>
    </message>
    <message>
        <source>the customer&apos;s name is empty</source>
        <translation>der Name des Kunden ist leer</translation>
    </message>
    <message>
        <source>the customer&apos;s name is longer than 200 characters</source>
        <translation>der Name des Kunden ist länger als 200 Zeichen</translation>
    </message>
    <message>
        <source>the delivery address has more than 12 lines</source>
        <translation>die Lieferadresse hat mehr als 12 Zeilen</translation>
    </message>
    <message>
        <source>the delivery address is longer than {maximum} characters</source>
        <translation>die Lieferadresse ist länger als {maximum} Zeichen</translation>
    </message>
    <message>
        <source>the delivery address looks like it holds a card number; card numbers are never stored</source>
        <translation>die Lieferadresse scheint eine Kartennummer zu enthalten; Kartennummern werden nie gespeichert</translation>
    </message>
    <message>
        <source>the discount {discount} is more than the goods it is taken from</source>
        <translation>der Rabatt {discount} ist höher als der Warenwert, von dem er abgezogen wird</translation>
    </message>
    <message>
        <source>the e-mail address is longer than 254 characters</source>
        <translation>die E-Mail-Adresse ist länger als 254 Zeichen</translation>
    </message>
    <message>
        <source>the file</source>
        <translation>die Datei</translation>
    </message>
    <message>
        <source>the file contains NUL bytes; it is not a CSV text file</source>
        <translation>die Datei enthält NUL-Bytes; sie ist keine CSV-Textdatei</translation>
    </message>
    <message>
        <source>the file has a header but no products</source>
        <translation>die Datei hat eine Kopfzeile, aber keine Artikel</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>die Datei ist leer</translation>
    </message>
    <message>
        <source>the file is empty: no header row</source>
        <translation>die Datei ist leer: keine Kopfzeile</translation>
    </message>
    <message>
        <source>the file is larger than {size} MB</source>
        <translation>die Datei ist größer als {size} MB</translation>
    </message>
    <message>
        <source>the file is not UTF-8 text (bad byte {byte} at line {line}); save it as UTF-8 CSV and try again</source>
        <translation>die Datei ist kein UTF-8-Text (ungültiges Byte {byte} in Zeile {line}); speichern Sie sie als UTF-8-CSV und versuchen Sie es erneut</translation>
    </message>
    <message>
        <source>the file is not UTF-8 text (byte {byte} cannot be read): export or save it as &apos;CSV UTF-8&apos;</source>
        <translation>die Datei ist kein UTF-8-Text (Byte {byte} ist nicht lesbar): exportieren oder speichern Sie sie als „CSV UTF-8“</translation>
    </message>
    <message>
        <source>the file is not a CSV text file (it holds binary data)</source>
        <translation>die Datei ist keine CSV-Textdatei (sie enthält Binärdaten)</translation>
    </message>
    <message>
        <source>the file&apos;s total {file_total} is not {total}, the total of its lines, shipping and discount with this company&apos;s tax rates (prices exclude tax)</source>
        <translation>die Summe der Datei {file_total} ist nicht {total}, die Summe ihrer Positionen, Versandkosten und Rabatte mit den Steuersätzen dieser Firma (Preise ohne Steuer)</translation>
    </message>
    <message>
        <source>the file&apos;s total {file_total} is not {total}, the total of its lines, shipping and discount with this company&apos;s tax rates (prices include tax)</source>
        <translation>die Summe der Datei {file_total} ist nicht {total}, die Summe ihrer Positionen, Versandkosten und Rabatte mit den Steuersätzen dieser Firma (Preise inklusive Steuer)</translation>
    </message>
    <message>
        <source>the float</source>
        <translation>das Wechselgeld</translation>
    </message>
    <message>
        <source>the format is not recognised: the header has neither Shopify&apos;s columns (Name, Created at, Lineitem sku...) nor WooCommerce&apos;s (order_number, order_date, line_item_1...) nor the generic format&apos;s (order, sku, quantity, unit_price); see docs/imports.md</source>
        <translation>das Format ist nicht erkannt: die Kopfzeile hat weder die Spalten von Shopify (Name, Created at, Lineitem sku...) noch die von WooCommerce (order_number, order_date, line_item_1...) noch die des allgemeinen Formats (order, sku, quantity, unit_price); siehe docs/imports.md</translation>
    </message>
    <message>
        <source>the invoice total {total} is too large</source>
        <translation>die Rechnungssumme {total} ist zu groß</translation>
    </message>
    <message>
        <source>the label is longer than 60 characters</source>
        <translation>die Bezeichnung ist länger als 60 Zeichen</translation>
    </message>
    <message>
        <source>the new password is the current one; choose another</source>
        <translation>das neue Passwort ist das aktuelle; wählen Sie ein anderes</translation>
    </message>
    <message>
        <source>the notes look like they hold a card number; card numbers are never stored</source>
        <translation>die Notizen scheinen eine Kartennummer zu enthalten; Kartennummern werden nie gespeichert</translation>
    </message>
    <message>
        <source>the notes looks like a card number; never store card numbers: enter only the last four digits and the terminal&apos;s reference</source>
        <translation>die Notizen sehen wie eine Kartennummer aus; speichern Sie nie Kartennummern: geben Sie nur die letzten vier Ziffern und die Referenz des Terminals ein</translation>
    </message>
    <message>
        <source>the order</source>
        <translation>der Auftrag</translation>
    </message>
    <message>
        <source>the order has no line items</source>
        <translation>der Auftrag hat keine Positionen</translation>
    </message>
    <message>
        <source>the order is in {currency}; this company keeps its books in {books}</source>
        <translation>der Auftrag ist in {currency}; diese Firma führt ihre Bücher in {books}</translation>
    </message>
    <message>
        <source>the order is partly fulfilled in the shop; ship it there or here, then import it</source>
        <translation>der Auftrag ist im Shop teilweise ausgeliefert; versenden Sie ihn dort oder hier und importieren Sie ihn dann</translation>
    </message>
    <message>
        <source>the order number is longer than 64 characters</source>
        <translation>die Auftragsnummer ist länger als 64 Zeichen</translation>
    </message>
    <message>
        <source>the parcel of {order}</source>
        <translation>Das Paket von {order}</translation>
    </message>
    <message>
        <source>the password is one of the most common passwords, which are tried first; choose another</source>
        <translation>das Passwort gehört zu den häufigsten Passwörtern, die zuerst ausprobiert werden; wählen Sie ein anderes</translation>
    </message>
    <message>
        <source>the password may have at most {maximum} characters (it has {length})</source>
        <translation>das Passwort darf höchstens {maximum} Zeichen haben (es hat {length})</translation>
    </message>
    <message>
        <source>the password may not be the user name</source>
        <translation>das Passwort darf nicht der Benutzername sein</translation>
    </message>
    <message>
        <source>the password must have at least {minimum} characters (it has {length})</source>
        <translation>das Passwort muss mindestens {minimum} Zeichen haben (es hat {length})</translation>
    </message>
    <message>
        <source>the payment reference</source>
        <translation>die Zahlungsreferenz</translation>
    </message>
    <message>
        <source>the payment reference is longer than 100 characters</source>
        <translation>die Zahlungsreferenz ist länger als 100 Zeichen</translation>
    </message>
    <message>
        <source>the reason is longer than {most} characters</source>
        <translation>der Grund ist länger als {most} Zeichen</translation>
    </message>
    <message>
        <source>the reason looks like a card number; never store card numbers</source>
        <translation>der Grund sieht wie eine Kartennummer aus; speichern Sie nie Kartennummern</translation>
    </message>
    <message>
        <source>the receipt printer {target} cannot be reached: {problem}</source>
        <translation>der Bondrucker {target} ist nicht erreichbar: {problem}</translation>
    </message>
    <message>
        <source>the receipt printer {target} stopped taking the receipt: {problem}</source>
        <translation>der Bondrucker {target} hat den Bon nicht mehr angenommen: {problem}</translation>
    </message>
    <message>
        <source>the reference is longer than 100 characters</source>
        <translation>die Referenz ist länger als 100 Zeichen</translation>
    </message>
    <message>
        <source>the reference looks like a card number; card numbers are never stored</source>
        <translation>die Referenz sieht wie eine Kartennummer aus; Kartennummern werden nie gespeichert</translation>
    </message>
    <message>
        <source>the reference looks like a card number; never store card numbers: enter only the last four digits and the terminal&apos;s reference</source>
        <translation>die Referenz sieht wie eine Kartennummer aus; speichern Sie nie Kartennummern: geben Sie nur die letzten vier Ziffern und die Referenz des Terminals ein</translation>
    </message>
    <message>
        <source>the search text is longer than 200 characters</source>
        <translation>der Suchtext ist länger als 200 Zeichen</translation>
    </message>
    <message>
        <source>the ship-to address</source>
        <translation>die Lieferadresse</translation>
    </message>
    <message>
        <source>the supplier&apos;s invoice number is empty</source>
        <translation>die Rechnungsnummer des Lieferanten ist leer</translation>
    </message>
    <message>
        <source>the supplier&apos;s invoice number is longer than {most} characters</source>
        <translation>die Rechnungsnummer des Lieferanten ist länger als {most} Zeichen</translation>
    </message>
    <message>
        <source>the till needs a name (e.g. FRONT or COUNTER-1)</source>
        <translation>die Kasse braucht einen Namen (z. B. FRONT oder COUNTER-1)</translation>
    </message>
    <message>
        <source>the till&apos;s name is longer than {most} characters</source>
        <translation>der Name der Kasse ist länger als {most} Zeichen</translation>
    </message>
    <message>
        <source>the {format} format needs the column(s) {columns}; they are not in the header</source>
        <translation>das Format {format} braucht die Spalte(n) {columns}; sie fehlen in der Kopfzeile</translation>
    </message>
    <message>
        <source>the {label} is longer than 2000 characters</source>
        <translation>{label} ist länger als 2000 Zeichen</translation>
    </message>
    <message>
        <source>the {label} looks like it holds a card number; card numbers are never stored</source>
        <translation>{label} scheint eine Kartennummer zu enthalten; Kartennummern werden nie gespeichert</translation>
    </message>
    <message>
        <source>the {what} &apos;{value}&apos; is not a date (YYYY-MM-DD)</source>
        <translation>{what} &apos;{value}&apos; ist kein Datum (JJJJ-MM-TT)</translation>
    </message>
    <message>
        <source>the {what} {day} is in the future</source>
        <translation>{what} {day} liegt in der Zukunft</translation>
    </message>
    <message>
        <source>tier &apos;{part}&apos; must be FROM:PRICE</source>
        <translation>Staffel &apos;{part}&apos; muss AB:PREIS sein</translation>
    </message>
    <message>
        <source>tier &apos;{part}&apos;: from must be whole grams</source>
        <translation>Staffel &apos;{part}&apos;: AB muss in ganzen Gramm angegeben sein</translation>
    </message>
    <message>
        <source>tier price</source>
        <translation>Staffelpreis</translation>
    </message>
    <message>
        <source>tier start</source>
        <translation>Staffelbeginn</translation>
    </message>
    <message>
        <source>tiers must be in ascending order of FROM, each FROM once</source>
        <translation>Staffeln müssen aufsteigend nach AB geordnet sein, jedes AB nur einmal</translation>
    </message>
    <message>
        <source>top must be at least 1 (got {top})</source>
        <translation>top muss mindestens 1 sein (erhalten: {top})</translation>
    </message>
    <message>
        <source>tracking number {text}: {problem}</source>
        <translation>Sendungsnummer {text}: {problem}</translation>
    </message>
    <message>
        <source>type a tracking number, an order number or the customer&apos;s phone number</source>
        <translation>geben Sie eine Sendungsnummer, eine Auftragsnummer oder die Telefonnummer des Kunden ein</translation>
    </message>
    <message>
        <source>unit cost of {sku} is negative</source>
        <translation>Einstandspreis von {sku} ist negativ</translation>
    </message>
    <message>
        <source>unit price</source>
        <translation>Einzelpreis</translation>
    </message>
    <message>
        <source>unit price of {sku}</source>
        <translation>Einzelpreis von {sku}</translation>
    </message>
    <message>
        <source>unit_cost</source>
        <translation>unit_cost</translation>
    </message>
    <message>
        <source>unit_price</source>
        <translation>unit_price</translation>
    </message>
    <message>
        <source>unknown category &apos;{category}&apos; (known: {known}, {other})</source>
        <translation>unbekannte Kategorie „{category}“ (bekannt: {known}, {other})</translation>
    </message>
    <message>
        <source>unknown column(s): {columns}</source>
        <translation>unbekannte Spalte(n): {columns}</translation>
    </message>
    <message>
        <source>unknown setting &apos;{key}&apos;</source>
        <translation>unbekannte Einstellung &apos;{key}&apos;</translation>
    </message>
    <message>
        <source>unknown setting &apos;{key}&apos; (known: {known}, carrier.&lt;name&gt;.tracking_url)</source>
        <translation>unbekannte Einstellung &apos;{key}&apos; (bekannt: {known}, carrier.&lt;name&gt;.tracking_url)</translation>
    </message>
    <message>
        <source>unlock users</source>
        <translation>Benutzer entsperren</translation>
    </message>
    <message>
        <source>until</source>
        <translation>Ende</translation>
    </message>
    <message>
        <source>until ({until}) is before from ({start})</source>
        <translation>Ende ({until}) liegt vor Beginn ({start})</translation>
    </message>
    <message>
        <source>user name &apos;{username}&apos; is taken</source>
        <translation>Benutzername &apos;{username}&apos; ist vergeben</translation>
    </message>
    <message>
        <source>user name &apos;{username}&apos; must be 1-64 letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;</source>
        <translation>Benutzername &apos;{username}&apos; muss aus 1-64 Buchstaben, Ziffern, &apos;.&apos;, &apos;_&apos; oder &apos;-&apos; bestehen</translation>
    </message>
    <message>
        <source>uses</source>
        <translation>Einlösungen</translation>
    </message>
    <message>
        <source>uses must be at least 1</source>
        <translation>Verwendungen müssen mindestens 1 sein</translation>
    </message>
    <message>
        <source>view customers</source>
        <translation>Kunden ansehen</translation>
    </message>
    <message>
        <source>view invoices</source>
        <translation>Rechnungen ansehen</translation>
    </message>
    <message>
        <source>view order accounts</source>
        <translation>Auftragskonten ansehen</translation>
    </message>
    <message>
        <source>view orders</source>
        <translation>Aufträge ansehen</translation>
    </message>
    <message>
        <source>view receivables</source>
        <translation>Forderungen ansehen</translation>
    </message>
    <message>
        <source>view stock history</source>
        <translation>die Bestandshistorie ansehen</translation>
    </message>
    <message>
        <source>view the accounts queue</source>
        <translation>die Buchhaltungswarteschlange ansehen</translation>
    </message>
    <message>
        <source>view the cash flow</source>
        <translation>den Cashflow ansehen</translation>
    </message>
    <message>
        <source>view the catalog</source>
        <translation>den Katalog ansehen</translation>
    </message>
    <message>
        <source>view the journal</source>
        <translation>das Journal ansehen</translation>
    </message>
    <message>
        <source>view the trial balance</source>
        <translation>die Summen- und Saldenliste ansehen</translation>
    </message>
    <message>
        <source>weeks must be from {least} to {most} (got {weeks})</source>
        <translation>die Wochen müssen zwischen {least} und {most} liegen (erhalten: {weeks})</translation>
    </message>
    <message>
        <source>weight &apos;{weight_kg}&apos; has more than three decimals (grams)</source>
        <translation>Gewicht &apos;{weight_kg}&apos; hat mehr als drei Nachkommastellen (Gramm)</translation>
    </message>
    <message>
        <source>weight &apos;{weight_kg}&apos; must be more than 0 kg</source>
        <translation>Gewicht &apos;{weight_kg}&apos; muss größer als 0 kg sein</translation>
    </message>
    <message>
        <source>weight (kg)</source>
        <translation>Gewicht (kg)</translation>
    </message>
    <message>
        <source>weight must be given as text or Decimal, not a float</source>
        <translation>das Gewicht muss als Text oder Decimal angegeben werden, nicht als float</translation>
    </message>
    <message>
        <source>weight {weight_kg} kg is too heavy for one shipment (at most 10000 kg)</source>
        <translation>Gewicht {weight_kg} kg ist zu schwer für eine Sendung (höchstens 10000 kg)</translation>
    </message>
    <message>
        <source>what to invoice: &apos;{what}&apos; is unknown (auto, shipped or all)</source>
        <translation>was abgerechnet werden soll: „{what}“ ist unbekannt (auto, shipped oder all)</translation>
    </message>
    <message>
        <source>withdraw incentives</source>
        <translation>Angebote zurückziehen</translation>
    </message>
    <message>
        <source>{amount} is more than the {still_open} still open on {ref} ({supplier}&apos;s invoice {number}); an overpayment is refused.</source>
        <translation>{amount} ist mehr als die {still_open}, die auf {ref} noch offen sind (Rechnung {number} von {supplier}); eine Überzahlung wird abgelehnt.</translation>
    </message>
    <message>
        <source>{column} &apos;{name}&apos; has no SKU; give the product a SKU in the shop, or leave the order out</source>
        <translation>{column} „{name}“ hat keine SKU; geben Sie dem Artikel im Shop eine SKU oder lassen Sie den Auftrag weg</translation>
    </message>
    <message>
        <source>{column} &apos;{text}&apos; has a comma; amounts in this file are written with a decimal point (12.50)</source>
        <translation>{column} „{text}“ enthält ein Komma; Beträge werden in dieser Datei mit Dezimalpunkt geschrieben (12.50)</translation>
    </message>
    <message>
        <source>{column} &apos;{text}&apos; has more decimals than {currency} has</source>
        <translation>{column} „{text}“ hat mehr Nachkommastellen als {currency}</translation>
    </message>
    <message>
        <source>{column} &apos;{text}&apos; is before 1990</source>
        <translation>{column} „{text}“ liegt vor 1990</translation>
    </message>
    <message>
        <source>{column} &apos;{text}&apos; is in the future</source>
        <translation>{column} „{text}“ liegt in der Zukunft</translation>
    </message>
    <message>
        <source>{column} &apos;{text}&apos; is more than a million units</source>
        <translation>{column} „{text}“ ist mehr als eine Million Stück</translation>
    </message>
    <message>
        <source>{column} &apos;{text}&apos; is negative</source>
        <translation>{column} „{text}“ ist negativ</translation>
    </message>
    <message>
        <source>{column} &apos;{text}&apos; is not a date that exists (2025-10-07 09:50:26 +0200)</source>
        <translation>{column} „{text}“ ist kein gültiges Datum (2025-10-07 09:50:26 +0200)</translation>
    </message>
    <message>
        <source>{column} &apos;{text}&apos; is not a whole number of units</source>
        <translation>{column} „{text}“ ist keine ganze Stückzahl</translation>
    </message>
    <message>
        <source>{column} &apos;{text}&apos; is not an amount</source>
        <translation>{column} „{text}“ ist kein Betrag</translation>
    </message>
    <message>
        <source>{column} is 0; a line needs at least one unit</source>
        <translation>{column} ist 0; eine Position braucht mindestens ein Stück</translation>
    </message>
    <message>
        <source>{column} is empty</source>
        <translation>{column} ist leer</translation>
    </message>
    <message>
        <source>{column} is longer than {limit} characters</source>
        <translation>{column} ist länger als {limit} Zeichen</translation>
    </message>
    <message>
        <source>{column}: {amount} for {quantity} units is not a price per unit in {currency}</source>
        <translation>{column}: {amount} für {quantity} Stück ergibt keinen Stückpreis in {currency}</translation>
    </message>
    <message>
        <source>{count} customers share phone &apos;{phone}&apos;; give the customer number instead</source>
        <translation>{count} Kunden haben die Telefonnummer „{phone}“; geben Sie stattdessen die Kundennummer an</translation>
    </message>
    <message>
        <source>{count} packages</source>
        <translation>{count} Pakete</translation>
    </message>
    <message>
        <source>{field} &apos;{text}&apos; has more than {decimals} decimals</source>
        <translation>{field} „{text}“ hat mehr als {decimals} Nachkommastellen</translation>
    </message>
    <message>
        <source>{field} &apos;{text}&apos; is ambiguous (a thousand or one?): write {whole}{fraction} or {whole}.{fraction}</source>
        <translation>{field} „{text}“ ist mehrdeutig (tausend oder eins?): schreiben Sie {whole}{fraction} oder {whole}.{fraction}</translation>
    </message>
    <message>
        <source>{field} &apos;{text}&apos; is not a date that exists (YYYY-MM-DD)</source>
        <translation>{field} &apos;{text}&apos; ist kein existierendes Datum (JJJJ-MM-TT)</translation>
    </message>
    <message>
        <source>{field} &apos;{text}&apos; is not a number</source>
        <translation>{field} „{text}“ ist keine Zahl</translation>
    </message>
    <message>
        <source>{field} &apos;{text}&apos; is not a whole number</source>
        <translation>{field} „{text}“ ist keine ganze Zahl</translation>
    </message>
    <message>
        <source>{field} &apos;{text}&apos; is too large</source>
        <translation>{field} „{text}“ ist zu groß</translation>
    </message>
    <message>
        <source>{field} &apos;{value}&apos; has too many decimals (at most 0.0001)</source>
        <translation>{field} „{value}“ hat zu viele Nachkommastellen (höchstens 0,0001)</translation>
    </message>
    <message>
        <source>{field} &apos;{value}&apos; must be a fraction from 0 to below 1 (0.19 or 19%)</source>
        <translation>{field} „{value}“ muss ein Anteil von 0 bis unter 1 sein (0,19 oder 19%)</translation>
    </message>
    <message>
        <source>{field} has at most two decimals (got &apos;{text}&apos;)</source>
        <translation>{field} hat höchstens zwei Nachkommastellen (erhalten: &apos;{text}&apos;)</translation>
    </message>
    <message>
        <source>{field} is empty</source>
        <translation>{field} ist leer</translation>
    </message>
    <message>
        <source>{field} must be SKU=N with N at least 1 (got &apos;{text}&apos;)</source>
        <translation>{field} muss SKU=N mit N mindestens 1 sein (erhalten: &apos;{text}&apos;)</translation>
    </message>
    <message>
        <source>{field} must be a whole number</source>
        <translation>{field} muss eine ganze Zahl sein</translation>
    </message>
    <message>
        <source>{field} must be a whole number of at least 1 (got &apos;{value}&apos;)</source>
        <translation>{field} muss eine ganze Zahl von mindestens 1 sein (erhalten: „{value}“)</translation>
    </message>
    <message>
        <source>{field} must be at least {minimum} (got {value})</source>
        <translation>{field} muss mindestens {minimum} sein (eingegeben: {value})</translation>
    </message>
    <message>
        <source>{field} must be between 0 and 100 (got &apos;{text}&apos;)</source>
        <translation>{field} muss zwischen 0 und 100 liegen (erhalten: &apos;{text}&apos;)</translation>
    </message>
    <message>
        <source>{field} must be more than 0</source>
        <translation>{field} muss größer als 0 sein</translation>
    </message>
    <message>
        <source>{field} must be more than zero</source>
        <translation>{field} muss größer als null sein</translation>
    </message>
    <message>
        <source>{field} must not be negative (got {text})</source>
        <translation>{field} darf nicht negativ sein (eingegeben: {text})</translation>
    </message>
    <message>
        <source>{field} {value} has more decimals than {currency} allows</source>
        <translation>{field} {value} hat mehr Nachkommastellen, als {currency} erlaubt</translation>
    </message>
    <message>
        <source>{field} {value} is too large (at most {maximum})</source>
        <translation>{field} {value} ist zu groß (höchstens {maximum})</translation>
    </message>
    <message>
        <source>{file} is a {kind} backup; the database open here is {here}. Nothing was changed.</source>
        <translation>{file} ist eine Sicherung von {kind}; die hier geöffnete Datenbank ist {here}. Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>{file} is damaged ({problem}); nothing was changed. Restore another backup.</source>
        <translation>{file} ist beschädigt ({problem}); es wurde nichts geändert. Stellen Sie eine andere Sicherung wieder her.</translation>
    </message>
    <message>
        <source>{file} was made by a newer OMS Desktop (schema {revision}); this version cannot read it. Update the app, then restore. Nothing was changed.</source>
        <translation>{file} wurde von einem neueren OMS Desktop erstellt (Schema {revision}); diese Version kann sie nicht lesen. Aktualisieren Sie die App und stellen Sie dann wieder her. Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>{folder} is not a folder; nothing was written.</source>
        <translation>{folder} ist kein Ordner; nichts wurde geschrieben.</translation>
    </message>
    <message>
        <source>{key} is longer than 500 characters</source>
        <translation>{key} ist länger als 500 Zeichen</translation>
    </message>
    <message>
        <source>{key} is not on {label}</source>
        <translation>{key} ist nicht auf {label}</translation>
    </message>
    <message>
        <source>{key} must contain {ref}, where the carrier&apos;s reference goes (e.g. https://carrier.example/track?id={ref})</source>
        <translation>{key} muss {ref} enthalten, wo die Referenz des Versanddienstleisters steht (z. B. https://carrier.example/track?id={ref})</translation>
    </message>
    <message>
        <source>{key} must start with http:// or https:// (got &apos;{value}&apos;)</source>
        <translation>{key} muss mit http:// oder https:// beginnen (erhalten: „{value}“)</translation>
    </message>
    <message>
        <source>{label} has no open backorder.</source>
        <translation>{label} hat keinen offenen Rückstand.</translation>
    </message>
    <message>
        <source>{label} is longer than 100 characters</source>
        <translation>{label} ist länger als 100 Zeichen</translation>
    </message>
    <message>
        <source>{label} is {status}; it cannot become {target} (possible next: {allowed}).</source>
        <translation>{label} ist {status} und kann nicht {target} werden (mögliche nächste Status: {allowed}).</translation>
    </message>
    <message>
        <source>{method} is counted twice</source>
        <translation>{method} wird doppelt gezählt</translation>
    </message>
    <message>
        <source>{name} cannot be restored: {problem}</source>
        <translation>{name} kann nicht wiederhergestellt werden: {problem}</translation>
    </message>
    <message>
        <source>{name} has a damaged header; nothing was changed.</source>
        <translation>Der Kopf von {name} ist beschädigt; nichts wurde geändert.</translation>
    </message>
    <message>
        <source>{name} is an SQLite database but not an OMS Desktop backup. Nothing was changed.</source>
        <translation>{name} ist eine SQLite-Datenbank, aber keine Sicherung von OMS Desktop. Nichts wurde geändert.</translation>
    </message>
    <message>
        <source>{name} is damaged (its checksum differs); nothing was changed. Restore another backup.</source>
        <translation>{name} ist beschädigt (die Prüfsumme weicht ab); nichts wurde geändert. Stellen Sie eine andere Sicherung wieder her.</translation>
    </message>
    <message>
        <source>{name} is damaged or truncated ({problem}); nothing was changed. Restore another backup.</source>
        <translation>{name} ist beschädigt oder abgeschnitten ({problem}); nichts wurde geändert. Stellen Sie eine andere Sicherung wieder her.</translation>
    </message>
    <message>
        <source>{name} is not an OMS Desktop backup (neither an SQLite database nor an OMS PostgreSQL dump). Nothing was changed.</source>
        <translation>{name} ist keine Sicherung von OMS Desktop (weder eine SQLite-Datenbank noch ein PostgreSQL-Abzug von OMS). Nichts wurde geändert.</translation>
    </message>
    <message>
        <source>{name} is truncated or damaged ({size} bytes of data, its header says {expected}); nothing was changed. Restore another backup.</source>
        <translation>{name} ist abgeschnitten oder beschädigt ({size} Bytes Daten, laut Kopf {expected}); nichts wurde geändert. Stellen Sie eine andere Sicherung wieder her.</translation>
    </message>
    <message>
        <source>{name}: the first line must be &apos;Subject: ...&apos;</source>
        <translation>{name}: die erste Zeile muss „Subject: ...“ sein</translation>
    </message>
    <message>
        <source>{name}: unknown placeholder ${placeholder} (known: {known})</source>
        <translation>{name}: unbekannter Platzhalter ${placeholder} (bekannt: {known})</translation>
    </message>
    <message>
        <source>{name}: {error} (write $$ for a dollar sign)</source>
        <translation>{name}: {error} (schreiben Sie $$ für ein Dollarzeichen)</translation>
    </message>
    <message>
        <source>{number} has no lines; add at least one before sending it.</source>
        <translation>{number} hat keine Positionen; fügen Sie mindestens eine hinzu, bevor Sie sie senden.</translation>
    </message>
    <message>
        <source>{number} has nothing left to receive.</source>
        <translation>Für {number} ist nichts mehr zu empfangen.</translation>
    </message>
    <message>
        <source>{number} is a credit note; only invoices can be credited.</source>
        <translation>{number} ist eine Gutschrift; nur Rechnungen können gutgeschrieben werden.</translation>
    </message>
    <message>
        <source>{number} is fully credited already.</source>
        <translation>{number} ist bereits vollständig gutgeschrieben.</translation>
    </message>
    <message>
        <source>{number} is {status}; only a draft purchase order can be changed (cancel it and order again).</source>
        <translation>{number} ist {status}; nur eine Bestellung im Entwurf kann geändert werden (stornieren Sie sie und bestellen Sie erneut).</translation>
    </message>
    <message>
        <source>{number} is {status}; only a sent or partly received purchase order can be received (send it first).</source>
        <translation>{number} ist {status}; nur eine gesendete oder teilweise empfangene Bestellung kann empfangen werden (senden Sie sie zuerst).</translation>
    </message>
    <message>
        <source>{number} was confirmed already; create a new pick list for what is left.</source>
        <translation>{number} wurde bereits bestätigt; erstellen Sie für den Rest eine neue Kommissionierliste.</translation>
    </message>
    <message>
        <source>{order} can no longer be amended: it is {where} and picking has started. Cancel the order and place a new one, or let it ship and place a second order for what is added.</source>
        <translation>{order} kann nicht mehr geändert werden: er ist {where}, und die Kommissionierung hat begonnen. Stornieren Sie den Auftrag und legen Sie einen neuen an, oder lassen Sie ihn versenden und legen Sie für das Hinzugekommene einen zweiten Auftrag an.</translation>
    </message>
    <message>
        <source>{order} has no customer yet; a coupon for the next order needs one.</source>
        <translation>{order} hat noch keinen Kunden; ein Gutschein für den nächsten Auftrag braucht einen.</translation>
    </message>
    <message>
        <source>{order} has no line {line}.</source>
        <translation>{order} hat keine Position {line}.</translation>
    </message>
    <message>
        <source>{order} has no lines; add products first.</source>
        <translation>{order} hat keine Positionen; fügen Sie zuerst Artikel hinzu.</translation>
    </message>
    <message>
        <source>{order} has no payment number {payment}.</source>
        <translation>{order} hat keine Zahlung mit der Nummer {payment}.</translation>
    </message>
    <message>
        <source>{order} has no shipping method, so there is no shipping to take off; choose one first.</source>
        <translation>{order} hat keine Versandart, es gibt also keine Versandkosten zu erlassen; wählen Sie zuerst eine.</translation>
    </message>
    <message>
        <source>{order} has no standing offer {offer}</source>
        <translation>{order} hat kein gültiges Angebot {offer}</translation>
    </message>
    <message>
        <source>{order} has not been packed yet; pack it first.</source>
        <translation>{order} ist noch nicht verpackt; verpacken Sie ihn zuerst.</translation>
    </message>
    <message>
        <source>{order} is a cart, not a confirmed order; change its lines directly.</source>
        <translation>{order} ist ein Warenkorb, kein bestätigter Auftrag; ändern Sie seine Positionen direkt.</translation>
    </message>
    <message>
        <source>{order} is already on {pick_list}</source>
        <translation>{order} steht bereits auf {pick_list}</translation>
    </message>
    <message>
        <source>{order} is cancelled; it takes no payment.</source>
        <translation>{order} ist storniert; er nimmt keine Zahlung an.</translation>
    </message>
    <message>
        <source>{order} is cancelled; place a new order instead.</source>
        <translation>{order} ist storniert; legen Sie stattdessen einen neuen Auftrag an.</translation>
    </message>
    <message>
        <source>{order} is handled on a pick list; use the warehouse steps (confirm picks, pack, ship, deliver) instead.</source>
        <translation>{order} wird über eine Kommissionierliste abgewickelt; verwenden Sie stattdessen die Lagerschritte (Entnahmen bestätigen, verpacken, versenden, zustellen).</translation>
    </message>
    <message>
        <source>{order} is in {currency}, not {given}.</source>
        <translation>{order} ist in {currency}, nicht in {given}.</translation>
    </message>
    <message>
        <source>{order} is invoiced already ({invoices}); credit the invoice first, or place a second order for what is added.</source>
        <translation>{order} ist bereits abgerechnet ({invoices}); schreiben Sie die Rechnung zuerst gut oder legen Sie für das Hinzugekommene einen zweiten Auftrag an.</translation>
    </message>
    <message>
        <source>{order} is on {pick_list}, whose picks are not confirmed yet; confirm them first.</source>
        <translation>{order} steht auf {pick_list}, deren Kommissionierung noch nicht bestätigt ist; bestätigen Sie sie zuerst.</translation>
    </message>
    <message>
        <source>{order} is packed already; ship it.</source>
        <translation>{order} ist bereits verpackt; versenden Sie ihn.</translation>
    </message>
    <message>
        <source>{order} is still a cart; confirm it before taking payment.</source>
        <translation>{order} ist noch ein Warenkorb; bestätigen Sie ihn, bevor Sie eine Zahlung annehmen.</translation>
    </message>
    <message>
        <source>{order} is {status} and can no longer be amended (only a confirmed order before picking starts). Take a return for what comes back, or place a new order for what is added.</source>
        <translation>{order} ist {status} und kann nicht mehr geändert werden (nur ein bestätigter Auftrag vor Beginn der Kommissionierung). Nehmen Sie für das Zurückkommende eine Retoure an oder legen Sie für das Hinzugekommene einen neuen Auftrag an.</translation>
    </message>
    <message>
        <source>{order} is {status} and not packed; pack it first.</source>
        <translation>{order} ist {status} und nicht verpackt; verpacken Sie ihn zuerst.</translation>
    </message>
    <message>
        <source>{order} is {status} and on no pick list; put it on a pick list and confirm the picks first.</source>
        <translation>{order} ist {status} und auf keiner Kommissionierliste; setzen Sie ihn auf eine Kommissionierliste und bestätigen Sie zuerst die Kommissionierung.</translation>
    </message>
    <message>
        <source>{order} is {status}; it cannot become {target} (possible next: {allowed}).</source>
        <translation>{order} ist {status}; er kann nicht {target} werden (mögliche nächste Status: {allowed}).</translation>
    </message>
    <message>
        <source>{order} is {status}; its delivery address can no longer change.</source>
        <translation>{order} ist {status}; seine Lieferadresse kann nicht mehr geändert werden.</translation>
    </message>
    <message>
        <source>{order} is {status}; no shipment of it is on its way.</source>
        <translation>{order} ist {status}; keine Sendung davon ist unterwegs.</translation>
    </message>
    <message>
        <source>{order} is {status}; only a draft can be changed.</source>
        <translation>{order} ist {status}; nur ein Entwurf kann geändert werden.</translation>
    </message>
    <message>
        <source>{order} is {status}; only confirmed orders can be invoiced.</source>
        <translation>{order} ist {status}; nur bestätigte Aufträge können in Rechnung gestellt werden.</translation>
    </message>
    <message>
        <source>{order} is {status}; only shipped or delivered orders take returns.</source>
        <translation>{order} ist {status}; nur versendete oder zugestellte Aufträge nehmen Retouren an.</translation>
    </message>
    <message>
        <source>{order} is {status}; there is nothing to pick</source>
        <translation>{order} ist {status}; es gibt nichts zu kommissionieren</translation>
    </message>
    <message>
        <source>{order} on its pick list</source>
        <translation>{order} auf seiner Kommissionierliste</translation>
    </message>
    <message>
        <source>{order} waits for goods (a backorder); it can be picked once they arrive.</source>
        <translation>{order} wartet auf Ware (ein Rückstand); er kann kommissioniert werden, sobald sie eintrifft.</translation>
    </message>
    <message>
        <source>{order} waits for goods (backorder: {owed}); it can be picked once they arrive</source>
        <translation>{order} wartet auf Ware (Rückstand: {owed}); er kann kommissioniert werden, sobald sie eintrifft</translation>
    </message>
    <message>
        <source>{order} was changed by {who} at {when} ({what}) after you last saw it; look at it again and repeat what you did.</source>
        <translation>{order} wurde von {who} um {when} geändert ({what}), nachdem Sie ihn zuletzt gesehen haben; sehen Sie ihn sich erneut an und wiederholen Sie Ihre Eingabe.</translation>
    </message>
    <message>
        <source>{order} was changed by {who} at {when} after you last saw it; look at it again and repeat what you did.</source>
        <translation>{order} wurde von {who} um {when} geändert, nachdem Sie ihn zuletzt gesehen haben; sehen Sie ihn sich erneut an und wiederholen Sie Ihre Eingabe.</translation>
    </message>
    <message>
        <source>{order} would have no lines left; cancel it instead</source>
        <translation>{order} hätte keine Positionen mehr; stornieren Sie ihn stattdessen</translation>
    </message>
    <message>
        <source>{order}&apos;s backorder is on {pick_list}; finish or ship that first.</source>
        <translation>Der Rückstand von {order} steht auf {pick_list}; schließen Sie diese zuerst ab oder versenden Sie sie.</translation>
    </message>
    <message>
        <source>{order}: only {owed} {currency} is owed to the customer; issue a credit note first (or refund less).</source>
        <translation>{order}: dem Kunden stehen nur {owed} {currency} zu; stellen Sie zuerst eine Gutschrift aus (oder erstatten Sie weniger).</translation>
    </message>
    <message>
        <source>{packages} packages is too many for one shipment (at most 999)</source>
        <translation>{packages} Pakete sind zu viele für eine Sendung (höchstens 999)</translation>
    </message>
    <message>
        <source>{parcel}; backorder: {lines}</source>
        <translation>{parcel}; Rückstand: {lines}</translation>
    </message>
    <message>
        <source>{path} is not a file. Nothing was changed.</source>
        <translation>{path} ist keine Datei. Nichts wurde geändert.</translation>
    </message>
    <message>
        <source>{pick_list}: {picked} of {asked} units</source>
        <translation>{pick_list}: {picked} von {asked} Stück</translation>
    </message>
    <message>
        <source>{picked} of {sku} picked but {number} asks for {wanted}</source>
        <translation>{picked} von {sku} entnommen, aber {number} verlangt {wanted}</translation>
    </message>
    <message>
        <source>{quantity} of {sku} returned, but only {returnable} shipped and not yet returned</source>
        <translation>{quantity} von {sku} zurückgegeben, aber nur {returnable} versendet und noch nicht zurückgegeben</translation>
    </message>
    <message>
        <source>{quantity} x {sku}, {condition}</source>
        <translation>{quantity} × {sku}, {condition}</translation>
    </message>
    <message>
        <source>{quantity} x {sku}, {condition}: {reason}</source>
        <translation>{quantity} × {sku}, {condition}: {reason}</translation>
    </message>
    <message>
        <source>{ref} ({supplier}&apos;s invoice {number}) is paid in full.</source>
        <translation>{ref} (Rechnung {number} von {supplier}) ist vollständig bezahlt.</translation>
    </message>
    <message>
        <source>{setting} &apos;{value}&apos; is not understood; use {forms}</source>
        <translation>{setting} „{value}“ wird nicht verstanden; verwenden Sie {forms}</translation>
    </message>
    <message>
        <source>{setting} cannot be checked here; nothing was changed</source>
        <translation>{setting} kann hier nicht geprüft werden; es wurde nichts geändert</translation>
    </message>
    <message>
        <source>{setting} must be a whole number from 1 to 100000 (got &apos;{value}&apos;)</source>
        <translation>{setting} muss eine ganze Zahl von 1 bis 100000 sein (erhalten: &apos;{value}&apos;)</translation>
    </message>
    <message>
        <source>{setting}: &apos;{host}&apos; is not a host name or address</source>
        <translation>{setting}: „{host}“ ist kein Hostname und keine Adresse</translation>
    </message>
    <message>
        <source>{setting}: a USB printer is usb:VENDOR:PRODUCT in hexadecimal, as lsusb shows it, e.g. usb:04b8:0202 (got &apos;{value}&apos;)</source>
        <translation>{setting}: ein USB-Drucker wird als usb:VENDOR:PRODUCT in Hexadezimal angegeben, wie lsusb es zeigt, z. B. usb:04b8:0202 (erhalten: „{value}“)</translation>
    </message>
    <message>
        <source>{setting}: the USB vendor and product ids cannot be 0</source>
        <translation>{setting}: die USB-Hersteller- und Produkt-IDs dürfen nicht 0 sein</translation>
    </message>
    <message>
        <source>{setting}: the file path is not usable (got &apos;{path}&apos;)</source>
        <translation>{setting}: der Dateipfad ist nicht verwendbar (erhalten: „{path}“)</translation>
    </message>
    <message>
        <source>{setting}: the port must be a number from 1 to 65535 (got &apos;{port}&apos;)</source>
        <translation>{setting}: der Port muss eine Zahl von 1 bis 65535 sein (erhalten: „{port}“)</translation>
    </message>
    <message>
        <source>{setting}: {baud} is not a serial speed a printer uses (9600, 19200, 38400, 57600 or 115200)</source>
        <translation>{setting}: {baud} ist keine Übertragungsrate, die ein Drucker verwendet (9600, 19200, 38400, 57600 oder 115200)</translation>
    </message>
    <message>
        <source>{sku} appears twice; put the whole quantity on one line</source>
        <translation>{sku} kommt doppelt vor; setzen Sie die ganze Menge in eine Position</translation>
    </message>
    <message>
        <source>{sku} at {price} (catalog {catalog_price})</source>
        <translation>{sku} zu {price} (Katalog {catalog_price})</translation>
    </message>
    <message>
        <source>{sku} has {reserved} reserved for open orders; ship or cancel them before deactivating it.</source>
        <translation>{sku} hat {reserved} Stück für offene Aufträge reserviert; versenden oder stornieren Sie diese, bevor Sie den Artikel deaktivieren.</translation>
    </message>
    <message>
        <source>{sku} is already active.</source>
        <translation>{sku} ist bereits aktiv.</translation>
    </message>
    <message>
        <source>{sku} is already inactive.</source>
        <translation>{sku} ist bereits inaktiv.</translation>
    </message>
    <message>
        <source>{sku} is no longer sold</source>
        <translation>{sku} wird nicht mehr verkauft</translation>
    </message>
    <message>
        <source>{sku} is no longer sold.</source>
        <translation>{sku} wird nicht mehr verkauft.</translation>
    </message>
    <message>
        <source>{sku} is not a known SKU</source>
        <translation>{sku} ist keine bekannte SKU</translation>
    </message>
    <message>
        <source>{sku} is not on invoice {number}</source>
        <translation>{sku} steht nicht auf der Rechnung {number}</translation>
    </message>
    <message>
        <source>{sku} is not on {number}</source>
        <translation>{sku} ist nicht auf {number}</translation>
    </message>
    <message>
        <source>{sku} is not on {number}; nothing was removed.</source>
        <translation>{sku} ist nicht auf {number}; es wurde nichts entfernt.</translation>
    </message>
    <message>
        <source>{sku} is not on {order}</source>
        <translation>{sku} steht nicht auf {order}</translation>
    </message>
    <message>
        <source>{sku} is not on {order} (add it with a quantity to price it)</source>
        <translation>{sku} steht nicht auf {order} (fügen Sie die SKU mit einer Menge hinzu, um ihren Preis festzulegen)</translation>
    </message>
    <message>
        <source>{sku} is on {order} more than once (at different prices); cancel the order and place a new one</source>
        <translation>{sku} steht mehrmals auf {order} (zu verschiedenen Preisen); stornieren Sie den Auftrag und legen Sie einen neuen an</translation>
    </message>
    <message>
        <source>{sku} is stored at {stored}, not {location}</source>
        <translation>{sku} lagert auf {stored}, nicht auf {location}</translation>
    </message>
    <message>
        <source>{sku} is {short} short; give a reason (not at location, damaged, ...)</source>
        <translation>bei {sku} fehlen {short}; geben Sie einen Grund an (nicht am Lagerplatz, beschädigt, ...)</translation>
    </message>
    <message>
        <source>{sku} owed</source>
        <translation>{sku} ausstehend</translation>
    </message>
    <message>
        <source>{sku} owed ({reason})</source>
        <translation>{sku} ausstehend ({reason})</translation>
    </message>
    <message>
        <source>{sku}: counted {counted}, but {reserved} are reserved for open orders; recount, or cancel orders first</source>
        <translation>{sku}: {counted} gezählt, aber {reserved} sind für offene Aufträge reserviert; zählen Sie erneut oder stornieren Sie zuerst Aufträge</translation>
    </message>
    <message>
        <source>{sku}: less is reserved than {order} ships; count the stock.</source>
        <translation>{sku}: es ist weniger reserviert, als {order} versendet; zählen Sie den Bestand.</translation>
    </message>
    <message>
        <source>{sku}: nothing is invoiceable on {ref} ({received})</source>
        <translation>{sku}: auf {ref} ist nichts abrechenbar ({received})</translation>
    </message>
    <message>
        <source>{sku}: on hand is {on_hand} with {reserved} reserved; it cannot change by {delta}.</source>
        <translation>{sku}: Bestand ist {on_hand}, davon {reserved} reserviert; er kann sich nicht um {delta} ändern.</translation>
    </message>
    <message>
        <source>{sku}: {quantity} is more than the {invoiceable} invoiceable on {ref} ({received})</source>
        <translation>{sku}: {quantity} ist mehr als die {invoiceable}, die auf {ref} abrechenbar sind ({received})</translation>
    </message>
    <message>
        <source>{sku}: {quantity} is more than the {outstanding} still outstanding on {number}</source>
        <translation>{sku}: {quantity} ist mehr als die {outstanding}, die auf {number} noch ausstehen</translation>
    </message>
    <message>
        <source>{sku}: {reserved} are reserved, on_hand cannot be {on_hand}</source>
        <translation>{sku}: {reserved} sind reserviert, on_hand kann nicht {on_hand} sein</translation>
    </message>
    <message>
        <source>{supplier}&apos;s invoice {number} is recorded already ({ref} of {day})</source>
        <translation>Rechnung {number} von {supplier} ist bereits erfasst ({ref} vom {day})</translation>
    </message>
    <message>
        <source>{target} exists already; choose another file name (nothing was written).</source>
        <translation>{target} gibt es schon; wählen Sie einen anderen Dateinamen (nichts wurde geschrieben).</translation>
    </message>
    <message>
        <source>{text} (backorder)</source>
        <translation>{text} (Rückstand)</translation>
    </message>
    <message>
        <source>{user} ({role})</source>
        <translation>{user} ({role})</translation>
    </message>
    <message>
        <source>{user} ({role}) may not change the price of {sku} (catalog {catalog_price}, discount limit {limit}); a manager must approve it.</source>
        <translation>{user} ({role}) darf den Preis von {sku} nicht ändern (Katalog {catalog_price}, Rabattgrenze {limit}); ein Manager muss das genehmigen.</translation>
    </message>
    <message>
        <source>{user} ({role}) may not {what}; a manager must approve it.</source>
        <translation>{user} ({role}) darf nicht {what}; ein Manager muss das genehmigen.</translation>
    </message>
    <message>
        <source>{user} ({role}) may offer at most {limit} of this cart ({allowed} {currency}); with this offer staff would give {offered} {currency}. Ask a manager.</source>
        <translation>{user} ({role}) darf höchstens {limit} dieses Warenkorbs anbieten ({allowed} {currency}); mit diesem Angebot gäbe das Personal {offered} {currency}. Fragen Sie einen Manager.</translation>
    </message>
    <message>
        <source>{user} ({role}) sees only their own carts; a manager sees all.</source>
        <translation>{user} ({role}) sieht nur die eigenen Warenkörbe; ein Manager sieht alle.</translation>
    </message>
    <message>
        <source>{user} is the last active administrator and cannot be {change}: make another user an administrator first, or nobody could manage users and settings.</source>
        <translation>{user} ist der letzte aktive Administrator und kann nicht {change} werden: machen Sie zuerst einen anderen Benutzer zum Administrator, sonst könnte niemand Benutzer und Einstellungen verwalten.</translation>
    </message>
    <message>
        <source>{value} has more decimals than {currency} allows ({decimals})</source>
        <translation>{value} hat mehr Nachkommastellen, als {currency} erlaubt ({decimals})</translation>
    </message>
    <message>
        <source>{what} looks like a card number; card numbers are never stored</source>
        <translation>{what} sieht wie eine Kartennummer aus; Kartennummern werden nie gespeichert</translation>
    </message>
    <message>
        <source>{what} was changed since you opened it; nothing was saved. Open it again to see how it is now.</source>
        <translation>{what} wurde geändert, seit Sie es geöffnet haben; nichts wurde gespeichert. Öffnen Sie es erneut, um den aktuellen Stand zu sehen.</translation>
    </message>
    <message>
        <source>{what} was changed {by} since you opened it; nothing was saved. Open it again to see their change, then make yours.</source>
        <translation>{what} wurde {by} geändert, seit Sie es geöffnet haben; nichts wurde gespeichert. Öffnen Sie es erneut, um die Änderung zu sehen, und nehmen Sie dann Ihre vor.</translation>
    </message>
    <message>
        <source>{where} (order {ref}): {problem}</source>
        <translation>{where} (Auftrag {ref}): {problem}</translation>
    </message>
    <message>
        <source>{who} may not {what}; ask a user with the right role (needs &apos;{perm}&apos;).</source>
        <translation>{who} darf nicht {what}; wenden Sie sich an einen Benutzer mit der passenden Rolle (benötigt „{perm}“).</translation>
    </message>
    <message>
        <source>and 1 more problem</source>
        <translation>und 1 weiteres Problem</translation>
    </message>
    <message>
        <source>and {count} more problems</source>
        <translation>und {count} weitere Probleme</translation>
    </message>
</context>
</TS>
