<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AuditDialog</name>
    <message>
        <source>Id</source>
        <extracomment>the columns on screen</extracomment>
        <translation>ID</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Entity</source>
        <translation>Objekt</translation>
    </message>
    <message>
        <source>Entity id</source>
        <translation>Objekt-Id</translation>
    </message>
    <message>
        <source>Old values</source>
        <translation>Alte Werte</translation>
    </message>
    <message>
        <source>New values</source>
        <translation>Neue Werte</translation>
    </message>
    <message>
        <source>{what} &apos;{text}&apos; is not a day as YYYY-MM-DD</source>
        <translation>{what} &apos;{text}&apos; ist kein Tag im Format JJJJ-MM-TT</translation>
    </message>
    <message>
        <source>Audit trail</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <source>any user</source>
        <translation>jeder Benutzer</translation>
    </message>
    <message>
        <source>e.g. user. or order.confirm</source>
        <translation>z. B. user. oder order.confirm</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>JJJJ-MM-TT</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>&amp;Benutzer:</translation>
    </message>
    <message>
        <source>&amp;Entity:</source>
        <translation>&amp;Objekt:</translation>
    </message>
    <message>
        <source>&amp;Action:</source>
        <translation>A&amp;ktion:</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;Von:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>B&amp;is:</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>&amp;Suchen</translation>
    </message>
    <message>
        <source>&amp;Previous page</source>
        <translation>Vor&amp;herige Seite</translation>
    </message>
    <message>
        <source>&amp;Next page</source>
        <translation>&amp;Nächste Seite</translation>
    </message>
    <message>
        <source>E&amp;xport CSV...</source>
        <translation>CSV e&amp;xportieren...</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Bis</translation>
    </message>
    <message>
        <source>Page {page}: {rows} rows, more on the next page</source>
        <translation>Seite {page}: {rows} Zeilen, weitere auf der nächsten Seite</translation>
    </message>
    <message>
        <source>Page {page}: {rows} rows</source>
        <translation>Seite {page}: {rows} Zeilen</translation>
    </message>
    <message>
        <source>Export the audit trail</source>
        <translation>Protokoll exportieren</translation>
    </message>
    <message>
        <source>Could not write {path}: {error}; choose another folder.</source>
        <translation>{path} konnte nicht geschrieben werden: {error}; wählen Sie einen anderen Ordner.</translation>
    </message>
    <message>
        <source>Saved {rows} rows to {path}.</source>
        <translation>{rows} Zeilen in {path} gespeichert.</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <source>Change my password</source>
        <translation>Mein Passwort ändern</translation>
    </message>
    <message>
        <source>&amp;Current password:</source>
        <translation>Aktuelles &amp;Passwort:</translation>
    </message>
    <message>
        <source>&amp;New password:</source>
        <translation>&amp;Neues Passwort:</translation>
    </message>
    <message>
        <source>&amp;Repeat it:</source>
        <translation>&amp;Wiederholen:</translation>
    </message>
    <message>
        <source>The two new passwords differ; type the same one twice.</source>
        <translation>Die beiden neuen Passwörter unterscheiden sich; geben Sie zweimal dasselbe ein.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Company &amp;name:</source>
        <extracomment>setting -&gt; its label; lupdate reads the QT_TRANSLATE_NOOP marks, the dialog translates them when it is built</extracomment>
        <translation>Firmen&amp;name:</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>A&amp;dresse:</translation>
    </message>
    <message>
        <source>&amp;VAT ID:</source>
        <translation>&amp;USt-IdNr.:</translation>
    </message>
    <message>
        <source>&amp;Tax number:</source>
        <translation>S&amp;teuernummer:</translation>
    </message>
    <message>
        <source>&amp;Bank account (IBAN):</source>
        <translation>&amp;Bankkonto (IBAN):</translation>
    </message>
    <message>
        <source>C&amp;urrency:</source>
        <translation>&amp;Währung:</translation>
    </message>
    <message>
        <source>&amp;Locale:</source>
        <translation>Gebietssch&amp;ema:</translation>
    </message>
    <message>
        <source>Prices include ta&amp;x:</source>
        <translation>Preise &amp;inklusive Steuer:</translation>
    </message>
    <message>
        <source>Tax &amp;rounding:</source>
        <translation>Steuer&amp;rundung:</translation>
    </message>
    <message>
        <source>Default c&amp;hannel:</source>
        <translation>Standard&amp;kanal:</translation>
    </message>
    <message>
        <source>&amp;Invoice series:</source>
        <translation>Rechnungs&amp;präfix:</translation>
    </message>
    <message>
        <source>&amp;Payment terms (days):</source>
        <translation>&amp;Zahlungsziel (Tage):</translation>
    </message>
    <message>
        <source>&amp;Discount limit, agent:</source>
        <translation>&amp;Höchstrabatt, Agent:</translation>
    </message>
    <message>
        <source>Incentive limit, a&amp;gent:</source>
        <translation>Angebots&amp;grenze, Agent:</translation>
    </message>
    <message>
        <source>Incentive limit, &amp;manager:</source>
        <translation>Angebotsgrenze, &amp;Manager:</translation>
    </message>
    <message>
        <source>Cart at ris&amp;k after (minutes):</source>
        <translation>Warenkorb ge&amp;fährdet nach (Minuten):</translation>
    </message>
    <message>
        <source>Cart abandoned after (hours):</source>
        <translation>Warenkorb aufgegeben nach (Stunden):</translation>
    </message>
    <message>
        <source>Lock an idle workstation after (minutes, 0: never):</source>
        <translation>Unbenutzten Arbeitsplatz sperren nach (Minuten, 0: nie):</translation>
    </message>
    <message>
        <source>Phone:</source>
        <translation>Telefon:</translation>
    </message>
    <message>
        <source>E-mail:</source>
        <translation>E-Mail:</translation>
    </message>
    <message>
        <source>Payment note:</source>
        <translation>Zahlungshinweis:</translation>
    </message>
    <message>
        <source>Return note:</source>
        <translation>Retourenhinweis:</translation>
    </message>
    <message>
        <source>the company&apos;s name on documents and screens</source>
        <extracomment>what each setting means (services.company.COMPANY_SETTINGS, shown as the fields&apos; tooltips), marked here for the catalog; a meaning the service rewords shows in English until its translation follows</extracomment>
        <translation>der Name der Firma auf Dokumenten und Bildschirmen</translation>
    </message>
    <message>
        <source>the company&apos;s address on documents (lines separated by newlines)</source>
        <translation>die Anschrift der Firma auf Dokumenten (eine Zeile je Zeile)</translation>
    </message>
    <message>
        <source>the company&apos;s VAT ID (country code and number; check digits verified)</source>
        <translation>die USt-IdNr. der Firma (Ländercode und Nummer; Prüfziffern werden geprüft)</translation>
    </message>
    <message>
        <source>the company&apos;s tax number at its tax office</source>
        <translation>die Steuernummer der Firma beim Finanzamt</translation>
    </message>
    <message>
        <source>the IBAN payments go to, printed on invoices (check digits verified)</source>
        <translation>die IBAN für Zahlungen, auf Rechnungen gedruckt (Prüfziffern werden geprüft)</translation>
    </message>
    <message>
        <source>the currency of every amount (ISO code); fixed once the first order exists</source>
        <translation>die Währung aller Beträge (ISO-Code); fest, sobald es den ersten Auftrag gibt</translation>
    </message>
    <message>
        <source>language and country for money, numbers and dates (e.g. en_US, de_DE)</source>
        <translation>Sprache und Land für Beträge, Zahlen und Daten (z. B. en_US, de_DE)</translation>
    </message>
    <message>
        <source>1: catalog prices include tax, 0: tax is added</source>
        <translation>1: Katalogpreise enthalten die Steuer, 0: die Steuer kommt hinzu</translation>
    </message>
    <message>
        <source>round tax per line or per document (line, document)</source>
        <translation>Steuer je Position oder je Dokument runden (line, document)</translation>
    </message>
    <message>
        <source>the channel a new order starts with</source>
        <translation>der Kanal, mit dem ein neuer Auftrag beginnt</translation>
    </message>
    <message>
        <source>the name of the invoice number series (letters; billing numbers INV- today)</source>
        <translation>der Name des Rechnungsnummernkreises (Buchstaben; heute Rechnungsnummern INV-)</translation>
    </message>
    <message>
        <source>days an invoice is due after it is issued (0: on receipt)</source>
        <translation>Tage, nach denen eine Rechnung fällig ist (0: sofort)</translation>
    </message>
    <message>
        <source>the largest discount an agent may give without a manager (a fraction, 0.10 = 10%)</source>
        <translation>der höchste Rabatt, den ein Agent ohne Manager geben darf (ein Anteil, 0.10 = 10 %)</translation>
    </message>
    <message>
        <source>the largest incentive an agent may offer on a cart (a fraction of its goods)</source>
        <translation>das größte Angebot, das ein Agent für einen Warenkorb machen darf (ein Anteil am Warenwert)</translation>
    </message>
    <message>
        <source>the largest incentive a manager may offer on a cart (a fraction of its goods)</source>
        <translation>das größte Angebot, das ein Manager für einen Warenkorb machen darf (ein Anteil am Warenwert)</translation>
    </message>
    <message>
        <source>minutes without a change before a cart is flagged at risk</source>
        <translation>Minuten ohne Änderung, bis ein Warenkorb als gefährdet gilt</translation>
    </message>
    <message>
        <source>hours without a change before a cart counts as abandoned</source>
        <translation>Stunden ohne Änderung, bis ein Warenkorb als aufgegeben gilt</translation>
    </message>
    <message>
        <source>minutes without a key or a click before a workstation locks until its user&apos;s password (0: never)</source>
        <translation>Minuten ohne Taste oder Klick, bis ein Arbeitsplatz bis zum Passwort seines Benutzers sperrt (0: nie)</translation>
    </message>
    <message>
        <source>the phone number on the printed catalog</source>
        <translation>die Telefonnummer im gedruckten Katalog</translation>
    </message>
    <message>
        <source>the e-mail address on the printed catalog</source>
        <translation>die E-Mail-Adresse im gedruckten Katalog</translation>
    </message>
    <message>
        <source>how to pay, on the printed catalog</source>
        <translation>wie man bezahlt, im gedruckten Katalog</translation>
    </message>
    <message>
        <source>how to return goods, on the printed catalog</source>
        <translation>wie man Ware zurückschickt, im gedruckten Katalog</translation>
    </message>
    <message>
        <source>no</source>
        <extracomment>what the choices of a setting with a few values show</extracomment>
        <translation>nein</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>line</source>
        <translation>je Position</translation>
    </message>
    <message>
        <source>document</source>
        <translation>je Dokument</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
</context>
<context>
    <name>UsersDialog</name>
    <message>
        <source>deactivated</source>
        <translation>deaktiviert</translation>
    </message>
    <message>
        <source>locked until {time} ({failed} failed)</source>
        <translation>gesperrt bis {time} ({failed} Fehlversuche)</translation>
    </message>
    <message>
        <source>active</source>
        <translation>aktiv</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>for a new user</source>
        <translation>für einen neuen Benutzer</translation>
    </message>
    <message>
        <source>at least 8 characters</source>
        <translation>mindestens 8 Zeichen</translation>
    </message>
    <message>
        <source>New &amp;user name:</source>
        <translation>&amp;Neuer Benutzername:</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>&amp;Rolle:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
    <message>
        <source>&amp;Add user</source>
        <translation>Benutzer &amp;hinzufügen</translation>
    </message>
    <message>
        <source>Set r&amp;ole</source>
        <translation>Rolle &amp;festlegen</translation>
    </message>
    <message>
        <source>&amp;Deactivate</source>
        <translation>&amp;Deaktivieren</translation>
    </message>
    <message>
        <source>Reset pass&amp;word</source>
        <translation>Passwort &amp;zurücksetzen</translation>
    </message>
    <message>
        <source>U&amp;nlock</source>
        <translation>&amp;Entsperren</translation>
    </message>
    <message>
        <source>&amp;Activate</source>
        <translation>&amp;Aktivieren</translation>
    </message>
    <message>
        <source>Added {user} ({role}).</source>
        <translation>{user} ({role}) hinzugefügt.</translation>
    </message>
    <message>
        <source>{user} is now {role}.</source>
        <translation>{user} ist jetzt {role}.</translation>
    </message>
    <message>
        <source>Deactivated {user}: they can no longer sign in.</source>
        <translation>{user} deaktiviert: kann sich nicht mehr anmelden.</translation>
    </message>
    <message>
        <source>Activated {user}.</source>
        <translation>{user} aktiviert.</translation>
    </message>
    <message>
        <source>New password set for {user}.</source>
        <translation>Neues Passwort für {user} gesetzt.</translation>
    </message>
    <message>
        <source>Unlocked {user}.</source>
        <translation>{user} entsperrt.</translation>
    </message>
</context>
</TS>
