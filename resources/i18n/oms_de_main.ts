<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
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
        <translation>teilweise erhalten</translation>
    </message>
    <message>
        <source>received</source>
        <translation>erhalten</translation>
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
</TS>
