<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Activity</name>
    <message>
        <source>system</source>
        <translation>System</translation>
    </message>
    <message>
        <source>{customer}&apos;s cart {order}</source>
        <translation>Warenkorb {order} von {customer}</translation>
    </message>
    <message>
        <source>cart {order}</source>
        <translation>Warenkorb {order}</translation>
    </message>
    <message>
        <source>{who} put {quantity} x {sku} in {cart}{value}</source>
        <translation>{who} legte {quantity} x {sku} in {cart}{value}</translation>
    </message>
    <message>
        <source>{who} removed {quantity} x {sku} from {cart}{value}</source>
        <translation>{who} nahm {quantity} x {sku} aus {cart}{value}</translation>
    </message>
    <message>
        <source>{who} changed {sku} {old} -&gt; {quantity} in {cart}{value}</source>
        <translation>{who} änderte {sku} {old} -&gt; {quantity} in {cart}{value}</translation>
    </message>
    <message>
        <source>{who} opened {cart}</source>
        <translation>{who} eröffnete {cart}</translation>
    </message>
    <message>
        <source>{who} changed {cart}{value}: {change}</source>
        <translation>{who} änderte {cart}{value}: {change}</translation>
    </message>
    <message>
        <source>an incentive</source>
        <translation>ein Angebot</translation>
    </message>
    <message>
        <source>now {value}</source>
        <translation>jetzt {value}</translation>
    </message>
    <message>
        <source>{who} offered {offer} on {order}</source>
        <translation>{who} bot {offer} für {order} an</translation>
    </message>
    <message>
        <source>{who} confirmed {order} ({total}, tracking {tracking})</source>
        <translation>{who} bestätigte {order} ({total}, Sendungsnummer {tracking})</translation>
    </message>
    <message>
        <source>{who} cancelled {order}</source>
        <translation>{who} stornierte {order}</translation>
    </message>
    <message>
        <source>Low stock: {sku} has {available} available</source>
        <translation>Niedriger Bestand: {sku} hat {available} verfügbar</translation>
    </message>
    <message>
        <source>{who} adjusted {sku} by {delta} ({reason})</source>
        <translation>{who} korrigierte {sku} um {delta} ({reason})</translation>
    </message>
    <message>
        <source>{who} imported the catalog ({created} new, {updated} updated)</source>
        <translation>{who} importierte den Katalog ({created} neu, {updated} aktualisiert)</translation>
    </message>
    <message>
        <source>{who} added customer {name}</source>
        <translation>{who} legte den Kunden {name} an</translation>
    </message>
    <message>
        <source>{who} issued invoice {number} for {order} ({total})</source>
        <translation>{who} stellte die Rechnung {number} für {order} aus ({total})</translation>
    </message>
    <message>
        <source>{who} issued credit note {number} for {invoice} ({total})</source>
        <translation>{who} stellte die Gutschrift {number} zu {invoice} aus ({total})</translation>
    </message>
    <message>
        <source>{who} recorded {amount} ({method}) for {order}</source>
        <translation>{who} buchte {amount} ({method}) für {order}</translation>
    </message>
    <message>
        <source>{who} refunded {amount} ({method}) for {order}</source>
        <translation>{who} erstattete {amount} ({method}) für {order}</translation>
    </message>
    <message>
        <source>{who} created pick list {number} ({lines})</source>
        <translation>{who} erstellte die Kommissionierliste {number} ({lines})</translation>
    </message>
    <message>
        <source>1 line</source>
        <translation>1 Position</translation>
    </message>
    <message>
        <source>{count} lines</source>
        <translation>{count} Positionen</translation>
    </message>
    <message>
        <source>{who} shipped {order}</source>
        <translation>{who} versendete {order}</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>Creating the demo company (products, customers, a year of orders)...</source>
        <translation>Die Demo-Firma wird angelegt (Artikel, Kunden, ein Jahr Aufträge)...</translation>
    </message>
    <message>
        <source>The database {database} cannot be opened:
{reason}</source>
        <translation>Die Datenbank {database} kann nicht geöffnet werden:
{reason}</translation>
    </message>
    <message>
        <source>  (demo: every password is &apos;demo&apos;)</source>
        <translation>  (Demo: jedes Passwort ist &apos;demo&apos;)</translation>
    </message>
</context>
<context>
    <name>Backups</name>
    <message>
        <source>daily (automatic)</source>
        <translation>täglich (automatisch)</translation>
    </message>
    <message>
        <source>by hand</source>
        <translation>von Hand</translation>
    </message>
    <message>
        <source>before a restore</source>
        <translation>vor einer Wiederherstellung</translation>
    </message>
    <message>
        <source>just now</source>
        <translation>gerade eben</translation>
    </message>
    <message>
        <source>{minutes} min</source>
        <translation>{minutes} Min.</translation>
    </message>
    <message>
        <source>{hours} h</source>
        <translation>{hours} Std.</translation>
    </message>
    <message>
        <source>1 day</source>
        <translation>1 Tag</translation>
    </message>
    <message>
        <source>{days} days</source>
        <translation>{days} Tage</translation>
    </message>
    <message>
        <source>verified</source>
        <translation>geprüft</translation>
    </message>
    <message>
        <source>FAILED: {problems}</source>
        <translation>FEHLGESCHLAGEN: {problems}</translation>
    </message>
    <message>
        <source>not checked</source>
        <translation>nicht geprüft</translation>
    </message>
    <message>
        <source>not checked (taken before a restore)</source>
        <translation>nicht geprüft (vor einer Wiederherstellung erstellt)</translation>
    </message>
    <message>
        <source>Daily backup taken: {name} ({verdict})</source>
        <translation>Tägliche Sicherung erstellt: {name} ({verdict})</translation>
    </message>
    <message>
        <source>The daily backup failed: {reason}</source>
        <translation>Die tägliche Sicherung ist fehlgeschlagen: {reason}</translation>
    </message>
</context>
<context>
    <name>BackupsDialog</name>
    <message>
        <source>Backups</source>
        <translation>Sicherungen</translation>
    </message>
    <message>
        <source>Reading the backups folder...</source>
        <translation>Der Sicherungsordner wird gelesen...</translation>
    </message>
    <message>
        <source>Taken</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Alter</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Verification</source>
        <translation>Prüfung</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>&amp;Back up now</source>
        <translation>Jetzt &amp;sichern</translation>
    </message>
    <message>
        <source>No backups yet. One is taken automatically each day the app starts; Back up now takes one at once.</source>
        <translation>Noch keine Sicherungen. An jedem Tag, an dem die App startet, wird automatisch eine erstellt; Jetzt sichern erstellt sofort eine.</translation>
    </message>
    <message>
        <source>{count} backups; the newest is {age} old.</source>
        <translation>{count} Sicherungen; die neueste ist {age} alt.</translation>
    </message>
    <message>
        <source> {count} failed verification: do not rely on them.</source>
        <translation> {count} haben die Prüfung nicht bestanden: Verlassen Sie sich nicht darauf.</translation>
    </message>
    <message>
        <source> Restore one with &apos;oms restore FILE&apos; (admin).</source>
        <translation> Wiederherstellen mit &apos;oms restore DATEI&apos; (Administrator).</translation>
    </message>
    <message>
        <source>Backing up and verifying...</source>
        <translation>Sichern und prüfen...</translation>
    </message>
</context>
<context>
    <name>DocumentPrintPreview</name>
    <message>
        <source>Print {title}</source>
        <translation>{title} drucken</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>OMS Desktop - unexpected error</source>
        <translation>OMS Desktop - unerwarteter Fehler</translation>
    </message>
    <message>
        <source>Something went wrong inside OMS Desktop. Your saved work is safe in the database.

The details were written to {log}; please send them to support.</source>
        <translation>In OMS Desktop ist etwas schiefgegangen. Ihre gespeicherte Arbeit ist sicher in der Datenbank.

Die Einzelheiten stehen in {log}; bitte senden Sie sie an den Support.</translation>
    </message>
    <message>
        <source>the log</source>
        <translation>das Protokoll</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>Create the first administrator</source>
        <translation>Den ersten Administrator anlegen</translation>
    </message>
    <message>
        <source>This database has no users yet. Create the first administrator: this account can add other users, set permissions and change settings.</source>
        <translation>Diese Datenbank hat noch keine Benutzer. Legen Sie den ersten Administrator an: Dieses Konto kann weitere Benutzer anlegen, Berechtigungen vergeben und Einstellungen ändern.</translation>
    </message>
    <message>
        <source>&amp;Company name:</source>
        <translation>&amp;Firmenname:</translation>
    </message>
    <message>
        <source>Shown on invoices and receipts</source>
        <translation>Erscheint auf Rechnungen und Belegen</translation>
    </message>
    <message>
        <source>&amp;Username:</source>
        <translation>&amp;Benutzername:</translation>
    </message>
    <message>
        <source>Used to sign in, e.g. admin</source>
        <translation>Zum Anmelden, z. B. admin</translation>
    </message>
    <message>
        <source>&amp;Display name:</source>
        <translation>&amp;Anzeigename:</translation>
    </message>
    <message>
        <source>e.g. Alice Martin</source>
        <translation>z. B. Alice Martin</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
    <message>
        <source>&amp;Repeat password:</source>
        <translation>Passwort &amp;wiederholen:</translation>
    </message>
    <message>
        <source>Curre&amp;ncy:</source>
        <translation>Wä&amp;hrung:</translation>
    </message>
    <message>
        <source>The currency of prices, invoices and the ledger.</source>
        <translation>Die Währung von Preisen, Rechnungen und Hauptbuch.</translation>
    </message>
    <message>
        <source>Create administrator</source>
        <translation>Administrator anlegen</translation>
    </message>
    <message>
        <source>The two passwords differ; type the same password twice.</source>
        <translation>Die beiden Passwörter unterscheiden sich; geben Sie zweimal dasselbe Passwort ein.</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>draft</source>
        <extracomment>code -&gt; English label; lupdate reads the QT_TRANSLATE_NOOP marks, :func:`label` translates at run time</extracomment>
        <translation>Entwurf</translation>
    </message>
    <message>
        <source>confirmed</source>
        <translation>bestätigt</translation>
    </message>
    <message>
        <source>picking</source>
        <translation>in Kommissionierung</translation>
    </message>
    <message>
        <source>picked</source>
        <translation>kommissioniert</translation>
    </message>
    <message>
        <source>packed</source>
        <translation>verpackt</translation>
    </message>
    <message>
        <source>shipped</source>
        <translation>versendet</translation>
    </message>
    <message>
        <source>delivered</source>
        <translation>zugestellt</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>storniert</translation>
    </message>
    <message>
        <source>returned</source>
        <translation>retourniert</translation>
    </message>
    <message>
        <source>open</source>
        <translation>offen</translation>
    </message>
    <message>
        <source>empty</source>
        <translation>leer</translation>
    </message>
    <message>
        <source>dropped</source>
        <translation>verworfen</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>wartend</translation>
    </message>
    <message>
        <source>fulfilled</source>
        <translation>erfüllt</translation>
    </message>
    <message>
        <source>released</source>
        <translation>freigegeben</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>gesendet</translation>
    </message>
    <message>
        <source>partly received</source>
        <translation>teilweise eingegangen</translation>
    </message>
    <message>
        <source>received</source>
        <translation>eingegangen</translation>
    </message>
    <message>
        <source>counter</source>
        <translation>Theke</translation>
    </message>
    <message>
        <source>phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>catalog</source>
        <translation>Katalog</translation>
    </message>
    <message>
        <source>online</source>
        <translation>Online-Shop</translation>
    </message>
    <message>
        <source>agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>warehouse</source>
        <translation>Lager</translation>
    </message>
    <message>
        <source>accountant</source>
        <translation>Buchhaltung</translation>
    </message>
    <message>
        <source>manager</source>
        <translation>Manager</translation>
    </message>
    <message>
        <source>admin</source>
        <translation>Administrator</translation>
    </message>
</context>
<context>
    <name>LockDialog</name>
    <message>
        <source>Workstation locked</source>
        <translation>Arbeitsplatz gesperrt</translation>
    </message>
    <message>
        <source>Locked after 1 minute without use.</source>
        <translation>Nach 1 Minute ohne Benutzung gesperrt.</translation>
    </message>
    <message>
        <source>Locked after {minutes} minutes without use.</source>
        <translation>Nach {minutes} Minuten ohne Benutzung gesperrt.</translation>
    </message>
    <message>
        <source>Everything on screen is as it was.

Signed in: {who} ({user}, {role}). Type your &amp;password to go on:</source>
        <translation>Alles auf dem Bildschirm ist wie zuvor.

Angemeldet: {who} ({user}, {role}). Geben Sie Ihr &amp;Passwort ein, um fortzufahren:</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>&amp;Entsperren</translation>
    </message>
    <message>
        <source>Sign &amp;out {user}</source>
        <translation>{user} &amp;abmelden</translation>
    </message>
    <message>
        <source>Could not check: {reason}</source>
        <translation>Prüfung nicht möglich: {reason}</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Sign in to OMS Desktop</source>
        <translation>Bei OMS Desktop anmelden</translation>
    </message>
    <message>
        <source>&amp;Username:</source>
        <translation>&amp;Benutzername:</translation>
    </message>
    <message>
        <source>e.g. alice</source>
        <translation>z. B. alice</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
    <message>
        <source>Database:</source>
        <translation>Datenbank:</translation>
    </message>
    <message>
        <source>The database this sign-in opens</source>
        <translation>Die Datenbank, die diese Anmeldung öffnet</translation>
    </message>
    <message>
        <source>Sign in</source>
        <extracomment>this workstation&apos;s last language (QSettings of the main window&apos;s file): the next sign-in dialog speaks it</extracomment>
        <translation>Anmelden</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>OMS Desktop</source>
        <translation>OMS Desktop</translation>
    </message>
    <message>
        <source>&amp;Orders</source>
        <translation>Au&amp;fträge</translation>
    </message>
    <message>
        <source>&amp;Inventory</source>
        <translation>&amp;Bestand</translation>
    </message>
    <message>
        <source>&amp;Warehouse</source>
        <translation>&amp;Lager</translation>
    </message>
    <message>
        <source>&amp;Accounts</source>
        <translation>B&amp;uchhaltung</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>Bee&amp;nden</translation>
    </message>
    <message>
        <source>Close OMS Desktop</source>
        <translation>OMS Desktop schließen</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>Reload the data shown in the current tab</source>
        <translation>Die Daten des aktuellen Reiters neu laden</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>List the keyboard shortcuts of this screen</source>
        <translation>Die Tastenkürzel dieser Ansicht auflisten</translation>
    </message>
    <message>
        <source>&amp;About OMS Desktop</source>
        <translation>Ü&amp;ber OMS Desktop</translation>
    </message>
    <message>
        <source>Version, licence and where data is kept</source>
        <translation>Version, Lizenz und wo die Daten liegen</translation>
    </message>
    <message>
        <source>OMS Desktop - {company}</source>
        <translation>OMS Desktop - {company}</translation>
    </message>
    <message>
        <source>Sign &amp;out {user} (switch user)</source>
        <translation>{user} &amp;abmelden (Benutzer wechseln)</translation>
    </message>
    <message>
        <source>&amp;Import orders (web shop, catalog)...</source>
        <translation>Aufträge &amp;importieren (Web-Shop, Katalog)...</translation>
    </message>
    <message>
        <source>&amp;Language...</source>
        <translation>&amp;Sprache...</translation>
    </message>
    <message>
        <source>The language of your screens (this window opens again in it)</source>
        <translation>Die Sprache Ihrer Ansichten (dieses Fenster öffnet sich darin neu)</translation>
    </message>
    <message>
        <source>&amp;Backups...</source>
        <translation>Si&amp;cherungen...</translation>
    </message>
    <message>
        <source>&amp;Find orders...</source>
        <translation>Aufträge &amp;suchen...</translation>
    </message>
    <message>
        <source>the {name} tab</source>
        <translation>der Reiter {name}</translation>
    </message>
    <message>
        <source>the next tab (a tab&apos;s own next page first)</source>
        <translation>der nächste Reiter (zuerst die nächste Seite des Reiters)</translation>
    </message>
    <message>
        <source>the previous tab (a tab&apos;s own previous page first)</source>
        <translation>der vorige Reiter (zuerst die vorige Seite des Reiters)</translation>
    </message>
    <message>
        <source>The connection to the database is lost ({reason}). Reconnecting by itself; what you have typed stays on screen, and anything saved meanwhile is refused with a message: try it again when this banner has gone.</source>
        <translation>Die Verbindung zur Datenbank ist unterbrochen ({reason}). Sie wird selbsttätig wiederhergestellt; was Sie eingegeben haben, bleibt stehen, und was Sie inzwischen speichern, wird mit einer Meldung abgelehnt: Versuchen Sie es erneut, wenn dieser Hinweis verschwunden ist.</translation>
    </message>
    <message>
        <source>Connected to the database again.</source>
        <translation>Wieder mit der Datenbank verbunden.</translation>
    </message>
    <message>
        <source>Order entry is for sales roles.</source>
        <translation>Die Auftragserfassung ist für Verkaufsrollen.</translation>
    </message>
    <message>
        <source>{refusal} You are signed in as {role}.</source>
        <translation>{refusal} Sie sind als {role} angemeldet.</translation>
    </message>
    <message>
        <source>&amp;Service desk</source>
        <translation>&amp;Kundenservice</translation>
    </message>
    <message>
        <source>Carts</source>
        <translation>Warenkörbe</translation>
    </message>
    <message>
        <source>Open carts (Alt+{number})</source>
        <translation>Offene Warenkörbe (Alt+{number})</translation>
    </message>
    <message>
        <source>Dash&amp;board</source>
        <translation>Über&amp;sicht</translation>
    </message>
    <message>
        <source>Today, sales by day, top products, stock-outs, carts (Alt+B, Alt+{number})</source>
        <translation>Heute, Umsatz pro Tag, Top-Artikel, Fehlbestände, Warenkörbe (Alt+S, Alt+{number})</translation>
    </message>
    <message>
        <source>&amp;Users...</source>
        <translation>&amp;Benutzer...</translation>
    </message>
    <message>
        <source>Se&amp;ttings...</source>
        <translation>&amp;Einstellungen...</translation>
    </message>
    <message>
        <source>&amp;Audit trail...</source>
        <translation>&amp;Protokoll...</translation>
    </message>
    <message>
        <source>Change my &amp;password...</source>
        <translation>Mein Pass&amp;wort ändern...</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>The language of your screens:</source>
        <translation>Die Sprache Ihrer Ansichten:</translation>
    </message>
    <message>
        <source>E-mails: {count} sent</source>
        <translation>E-Mails: {count} gesendet</translation>
    </message>
    <message>
        <source>, {count} to retry</source>
        <translation>, {count} erneut zu versuchen</translation>
    </message>
    <message>
        <source>, {count} failed (oms mail outbox --failed)</source>
        <translation>, {count} fehlgeschlagen (oms mail outbox --failed)</translation>
    </message>
    <message>
        <source>Live activity</source>
        <translation>Live-Aktivität</translation>
    </message>
    <message>
        <source>&amp;Appearance</source>
        <translation>&amp;Darstellung</translation>
    </message>
    <message>
        <source>&amp;System</source>
        <translation>&amp;System</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>&amp;Hell</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>&amp;Dunkel</translation>
    </message>
    <message>
        <source>Database: {database}</source>
        <translation>Datenbank: {database}</translation>
    </message>
    <message>
        <source>Signed in: {user} ({role})</source>
        <translation>Angemeldet: {user} ({role})</translation>
    </message>
    <message>
        <source>Keyboard map: {tab}</source>
        <translation>Tastaturbelegung: {tab}</translation>
    </message>
    <message>
        <source>About OMS Desktop</source>
        <translation>Über OMS Desktop</translation>
    </message>
    <message>
        <source>OMS Desktop {version}
Order management, keyboard first.</source>
        <translation>OMS Desktop {version}
Auftragsverwaltung, mit der Tastatur zuerst.</translation>
    </message>
</context>
<context>
    <name>OrderImportDialog</name>
    <message>
        <source>Recognise it from the header</source>
        <translation>An der Kopfzeile erkennen</translation>
    </message>
    <message>
        <source>Shopify orders export</source>
        <translation>Shopify-Auftragsexport</translation>
    </message>
    <message>
        <source>WooCommerce (WebToffee order export)</source>
        <translation>WooCommerce (WebToffee-Auftragsexport)</translation>
    </message>
    <message>
        <source>Generic CSV (docs/imports.md)</source>
        <translation>Allgemeines CSV (docs/imports.md)</translation>
    </message>
    <message>
        <source>Import orders</source>
        <translation>Aufträge importieren</translation>
    </message>
    <message>
        <source>&amp;Choose file...</source>
        <translation>Datei &amp;wählen...</translation>
    </message>
    <message>
        <source>&amp;History: fulfilled and cancelled orders, as sales figures only (no stock, no payments)</source>
        <translation>&amp;Historie: erfüllte und stornierte Aufträge, nur als Umsatzzahlen (kein Bestand, keine Zahlungen)</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>&amp;Datei:</translation>
    </message>
    <message>
        <source>F&amp;ormat:</source>
        <translation>&amp;Format:</translation>
    </message>
    <message>
        <source>Cha&amp;nnel:</source>
        <translation>&amp;Kanal:</translation>
    </message>
    <message>
        <source>Choose the shop&apos;s export (a CSV file). Nothing is imported before you press Import.</source>
        <translation>Wählen Sie den Export des Shops (eine CSV-Datei). Nichts wird importiert, bevor Sie Importieren drücken.</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Auftrag</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Summe</translation>
    </message>
    <message>
        <source>Rows / why</source>
        <translation>Zeilen / Grund</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importieren</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation>CSV-Dateien (*.csv *.txt);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Cannot read {file}: {reason}.</source>
        <translation>{file} kann nicht gelesen werden: {reason}.</translation>
    </message>
    <message>
        <source>Checking every order of the file...</source>
        <translation>Jeder Auftrag der Datei wird geprüft...</translation>
    </message>
    <message>
        <source>Importing...</source>
        <translation>Wird importiert...</translation>
    </message>
    <message>
        <source>Cancelled: the orders imported before stay; importing the file again takes the rest (the orders already in are recognised).</source>
        <translation>Abgebrochen: Die bereits importierten Aufträge bleiben; ein erneuter Import der Datei übernimmt den Rest (die vorhandenen Aufträge werden erkannt).</translation>
    </message>
    <message>
        <source>Not imported: {reason}</source>
        <translation>Nicht importiert: {reason}</translation>
    </message>
    <message>
        <source>This file cannot be imported: {problems}</source>
        <translation>Diese Datei kann nicht importiert werden: {problems}</translation>
    </message>
    <message>
        <source>would be imported</source>
        <translation>würde importiert</translation>
    </message>
    <message>
        <source>imported</source>
        <translation>importiert</translation>
    </message>
    <message>
        <source>imported as {number}</source>
        <translation>importiert als {number}</translation>
    </message>
    <message>
        <source> (new)</source>
        <translation> (neu)</translation>
    </message>
    <message>
        <source>paid online; </source>
        <translation>online bezahlt; </translation>
    </message>
    <message>
        <source>already imported as {number}</source>
        <translation>bereits importiert als {number}</translation>
    </message>
    <message>
        <source>left as it is</source>
        <translation>unverändert gelassen</translation>
    </message>
    <message>
        <source>not imported</source>
        <translation>nicht importiert</translation>
    </message>
    <message>
        <source>left out</source>
        <translation>ausgelassen</translation>
    </message>
    <message>
        <source>{format} file, {orders} order(s): {count} {would} (total {total}; customers matched {matched}, new {new}); {already} already imported; {refused} refused; {left_out} left out.</source>
        <translation>{format}-Datei, {orders} Auftrag/Aufträge: {count} {would} (Summe {total}; Kunden zugeordnet {matched}, neu {new}); {already} bereits importiert; {refused} abgelehnt; {left_out} ausgelassen.</translation>
    </message>
    <message>
        <source> Press Import to take them in.</source>
        <translation> Drücken Sie Importieren, um sie zu übernehmen.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>PrintPreview</name>
    <message>
        <source>Print preview needs Qt PDF or poppler&apos;s pdftoppm (apt install poppler-utils); neither is installed. Save the document as PDF and print it from a PDF viewer.</source>
        <translation>Die Druckvorschau braucht Qt PDF oder pdftoppm von poppler (apt install poppler-utils); keines von beiden ist installiert. Speichern Sie das Dokument als PDF und drucken Sie es aus einem PDF-Betrachter.</translation>
    </message>
    <message>
        <source>The document could not be prepared for printing: {reason}.</source>
        <translation>Das Dokument konnte nicht für den Druck vorbereitet werden: {reason}.</translation>
    </message>
</context>
<context>
    <name>SaveDialogs</name>
    <message>
        <source>No program to open PDF files is installed, so {file} was not opened; it is saved in {folder}. Install a PDF viewer (for example Evince or Okular) or open it from that folder.</source>
        <translation>Es ist kein Programm zum Öffnen von PDF-Dateien installiert, daher wurde {file} nicht geöffnet; die Datei ist in {folder} gespeichert. Installieren Sie einen PDF-Betrachter (zum Beispiel Evince oder Okular) oder öffnen Sie sie aus diesem Ordner.</translation>
    </message>
</context>
</TS>
