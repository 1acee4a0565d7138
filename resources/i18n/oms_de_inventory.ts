<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AdjustDialog</name>
    <message>
        <source>count</source>
        <extracomment>what the reason list shows for each reason (the code is what the service gets)</extracomment>
        <translation>Zählung</translation>
    </message>
    <message>
        <source>damage</source>
        <translation>Beschädigung</translation>
    </message>
    <message>
        <source>found</source>
        <translation>Fund</translation>
    </message>
    <message>
        <source>correction</source>
        <translation>Korrektur</translation>
    </message>
    <message>
        <source>receipt</source>
        <translation>Wareneingang</translation>
    </message>
    <message>
        <source>Adjust stock of {sku}</source>
        <translation>Bestand von {sku} anpassen</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <source>{sku}  {name}
On hand {on_hand}, reserved {reserved}, available {available}</source>
        <translation>{sku}  {name}
Bestand {on_hand}, reserviert {reserved}, verfügbar {available}</translation>
    </message>
    <message>
        <source>e.g. 5 to add, -2 to take away</source>
        <translation>z. B. 5 zum Hinzufügen, -2 zum Abziehen</translation>
    </message>
    <message>
        <source>&amp;Change by</source>
        <translation>&amp;Ändern um</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>&amp;Grund</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>&amp;Notiz</translation>
    </message>
</context>
<context>
    <name>CatalogModel</name>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Lagerort</translation>
    </message>
    <message>
        <source>On hand</source>
        <translation>Bestand</translation>
    </message>
    <message>
        <source>Reserved</source>
        <translation>Reserviert</translation>
    </message>
    <message>
        <source>Available</source>
        <translation>Verfügbar</translation>
    </message>
    <message>
        <source>On order</source>
        <translation>Bestellt</translation>
    </message>
    <message>
        <source>Reorder point</source>
        <translation>Meldebestand</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Preis</translation>
    </message>
    <message>
        <source>{sku} is out of stock</source>
        <translation>{sku} ist ausverkauft</translation>
    </message>
    <message>
        <source>{sku} is at or below its reorder point ({point})</source>
        <translation>{sku} ist auf oder unter seinem Meldebestand ({point})</translation>
    </message>
    <message>
        <source>{name} (inactive)</source>
        <translation>{name} (inaktiv)</translation>
    </message>
</context>
<context>
    <name>CatalogPrintDialog</name>
    <message>
        <source>Print catalog</source>
        <translation>Katalog drucken</translation>
    </message>
    <message>
        <source>Categories to print (Space ticks or unticks):</source>
        <translation>Zu druckende Kategorien (Leertaste hakt an oder ab):</translation>
    </message>
    <message>
        <source>&amp;All</source>
        <translation>&amp;Alle</translation>
    </message>
    <message>
        <source>N&amp;one</source>
        <translation>&amp;Keine</translation>
    </message>
    <message>
        <source>Include &amp;sold-out products</source>
        <translation>Ausverkaufte Artikel ein&amp;schließen</translation>
    </message>
    <message>
        <source>&amp;Print...</source>
        <translation>&amp;Drucken...</translation>
    </message>
</context>
<context>
    <name>CatalogPrinter</name>
    <message>
        <source>Save catalog</source>
        <translation>Katalog speichern</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-Dateien (*.pdf)</translation>
    </message>
    <message>
        <source>Printing the catalog...</source>
        <translation>Der Katalog wird gedruckt...</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Print catalog</source>
        <translation>Katalog drucken</translation>
    </message>
    <message>
        <source>{count} product</source>
        <translation>{count} Artikel</translation>
    </message>
    <message>
        <source>{count} products</source>
        <translation>{count} Artikel</translation>
    </message>
    <message>
        <source>{count} category</source>
        <translation>{count} Kategorie</translation>
    </message>
    <message>
        <source>{count} categories</source>
        <translation>{count} Kategorien</translation>
    </message>
    <message>
        <source>Catalog saved to {path}: {products} in {categories}.</source>
        <translation>Katalog in {path} gespeichert: {products} in {categories}.</translation>
    </message>
    <message>
        <source>Catalog saved to {path}: {products} in {categories}. No PDF viewer was found to open it.</source>
        <translation>Katalog in {path} gespeichert: {products} in {categories}. Es wurde kein PDF-Betrachter gefunden, um ihn zu öffnen.</translation>
    </message>
    <message>
        <source>The catalog could not be saved: {error}.</source>
        <translation>Der Katalog konnte nicht gespeichert werden: {error}.</translation>
    </message>
</context>
<context>
    <name>ImportReportDialog</name>
    <message>
        <source>Catalog import: nothing was imported</source>
        <translation>Katalogimport: nichts wurde importiert</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Zeile</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Spalte</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>{count} problem(s) were found, so no product was imported or changed. Correct the rows below and import the file again.</source>
        <translation>{count} Problem(e) gefunden, daher wurde kein Artikel importiert oder geändert. Korrigieren Sie die Zeilen unten und importieren Sie die Datei erneut.</translation>
    </message>
</context>
<context>
    <name>InventoryTab</name>
    <message>
        <source>opening</source>
        <extracomment>what the stock history shows for each kind of stock move (the code is what the database keeps)</extracomment>
        <translation>Anfangsbestand</translation>
    </message>
    <message>
        <source>adjust</source>
        <translation>Anpassung</translation>
    </message>
    <message>
        <source>receipt</source>
        <translation>Wareneingang</translation>
    </message>
    <message>
        <source>reserve</source>
        <translation>Reservierung</translation>
    </message>
    <message>
        <source>release</source>
        <translation>Freigabe</translation>
    </message>
    <message>
        <source>ship</source>
        <translation>Versand</translation>
    </message>
    <message>
        <source>return</source>
        <translation>Retoure</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>On hand</source>
        <translation>Bestand</translation>
    </message>
    <message>
        <source>Reserved</source>
        <translation>Reserviert</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>Saldo</translation>
    </message>
    <message>
        <source>Reserved after</source>
        <translation>Reserviert danach</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Referenz</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Filter: SKU, name, barcode or category (Ctrl+F)</source>
        <translation>Filtern: SKU, Name, Barcode oder Kategorie (Strg+F)</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>Alle Kategorien</translation>
    </message>
    <message>
        <source>&amp;Low stock</source>
        <translation>Niedri&amp;ger Bestand</translation>
    </message>
    <message>
        <source>O&amp;ut of stock</source>
        <translation>A&amp;usverkauft</translation>
    </message>
    <message>
        <source>Show inac&amp;tive</source>
        <translation>Inak&amp;tive zeigen</translation>
    </message>
    <message>
        <source>&amp;New product</source>
        <translation>&amp;Neuer Artikel</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>B&amp;earbeiten</translation>
    </message>
    <message>
        <source>&amp;Deactivate</source>
        <translation>Deaktivie&amp;ren</translation>
    </message>
    <message>
        <source>Ad&amp;just stock</source>
        <translation>Bestand an&amp;passen</translation>
    </message>
    <message>
        <source>Stock &amp;count</source>
        <translation>In&amp;ventur</translation>
    </message>
    <message>
        <source>&amp;Purchasing</source>
        <translation>Einkau&amp;f</translation>
    </message>
    <message>
        <source>Import CSV...</source>
        <translation>CSV importieren...</translation>
    </message>
    <message>
        <source>Export CSV...</source>
        <translation>CSV exportieren...</translation>
    </message>
    <message>
        <source>Print catalog...</source>
        <translation>Katalog drucken...</translation>
    </message>
    <message>
        <source>Stock history: select a product</source>
        <translation>Bestandsverlauf: wählen Sie einen Artikel</translation>
    </message>
    <message>
        <source>Print the catalog for mail customers, with an order form ({keys})</source>
        <translation>Den Katalog für Versandkunden drucken, mit Bestellschein ({keys})</translation>
    </message>
    <message>
        <source>filter the catalog</source>
        <translation>den Katalog filtern</translation>
    </message>
    <message>
        <source>new product</source>
        <translation>neuer Artikel</translation>
    </message>
    <message>
        <source>edit the selected product</source>
        <translation>den gewählten Artikel bearbeiten</translation>
    </message>
    <message>
        <source>adjust stock of the selected product</source>
        <translation>den Bestand des gewählten Artikels anpassen</translation>
    </message>
    <message>
        <source>stock count</source>
        <translation>Inventur</translation>
    </message>
    <message>
        <source>purchasing (suggest, send, receive)</source>
        <translation>Einkauf (vorschlagen, senden, Wareneingang)</translation>
    </message>
    <message>
        <source>import the catalog (CSV)</source>
        <translation>den Katalog importieren (CSV)</translation>
    </message>
    <message>
        <source>export the catalog (CSV)</source>
        <translation>den Katalog exportieren (CSV)</translation>
    </message>
    <message>
        <source>print the catalog for mail customers (PDF with an order form)</source>
        <translation>den Katalog für Versandkunden drucken (PDF mit Bestellschein)</translation>
    </message>
    <message>
        <source>edit the selected product (in the list)</source>
        <translation>den gewählten Artikel bearbeiten (in der Liste)</translation>
    </message>
    <message>
        <source>Cancelled; nothing was changed.</source>
        <translation>Abgebrochen; nichts wurde geändert.</translation>
    </message>
    <message>
        <source>{count} product</source>
        <translation>{count} Artikel</translation>
    </message>
    <message>
        <source>{count} products</source>
        <translation>{count} Artikel</translation>
    </message>
    <message>
        <source>&amp;Reactivate</source>
        <translation>Reaktivie&amp;ren</translation>
    </message>
    <message>
        <source>Stock history of {product}: {count} move(s), newest first</source>
        <translation>Bestandsverlauf von {product}: {count} Bewegung(en), neueste zuerst</translation>
    </message>
    <message>
        <source>Saved {sku} {name}.</source>
        <translation>{sku} {name} gespeichert.</translation>
    </message>
    <message>
        <source>{sku} is active again.</source>
        <translation>{sku} ist wieder aktiv.</translation>
    </message>
    <message>
        <source>{sku} is deactivated: no longer sold, its history is kept.</source>
        <translation>{sku} ist deaktiviert: wird nicht mehr verkauft, sein Verlauf bleibt erhalten.</translation>
    </message>
    <message>
        <source>{sku}: on hand is now {count}.</source>
        <translation>{sku}: Bestand ist jetzt {count}.</translation>
    </message>
    <message>
        <source>Count posted: {counted} product(s) counted, {corrected} corrected: {changes}.</source>
        <translation>Inventur gebucht: {counted} Artikel gezählt, {corrected} korrigiert: {changes}.</translation>
    </message>
    <message>
        <source>Count posted: {counted} product(s) counted, {corrected} corrected.</source>
        <translation>Inventur gebucht: {counted} Artikel gezählt, {corrected} korrigiert.</translation>
    </message>
    <message>
        <source>Import catalog</source>
        <translation>Katalog importieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV-Dateien (*.csv);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Importing {name}...</source>
        <translation>{name} wird importiert...</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Catalog import</source>
        <translation>Katalogimport</translation>
    </message>
    <message>
        <source>Import of {name} cancelled after {done} of {total} products ({created} new, {updated} updated); importing the file again finishes it.</source>
        <translation>Import von {name} nach {done} von {total} Artikeln abgebrochen ({created} neu, {updated} aktualisiert); ein erneuter Import der Datei schließt ihn ab.</translation>
    </message>
    <message>
        <source>Imported {name}: {created} new, {updated} updated.</source>
        <translation>{name} importiert: {created} neu, {updated} aktualisiert.</translation>
    </message>
    <message>
        <source>Nothing was imported from {name}: {count} problem(s).</source>
        <translation>Aus {name} wurde nichts importiert: {count} Problem(e).</translation>
    </message>
    <message>
        <source>Cannot read {name}: {error}.</source>
        <translation>{name} kann nicht gelesen werden: {error}.</translation>
    </message>
    <message>
        <source>Export catalog</source>
        <translation>Katalog exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>Exported {count} products to {path}.</source>
        <translation>{count} Artikel nach {path} exportiert.</translation>
    </message>
</context>
<context>
    <name>NewPurchaseOrderDialog</name>
    <message>
        <source>New purchase order</source>
        <translation>Neue Bestellung</translation>
    </message>
    <message>
        <source>&amp;Supplier</source>
        <translation>&amp;Lieferant</translation>
    </message>
    <message>
        <source>Lines go onto the supplier&apos;s open draft when it has one.</source>
        <translation>Positionen kommen in den offenen Entwurf des Lieferanten, wenn er einen hat.</translation>
    </message>
    <message>
        <source>&amp;Open draft</source>
        <translation>Entwurf ö&amp;ffnen</translation>
    </message>
    <message>
        <source>There is no supplier yet; add one with New supplier first.</source>
        <translation>Es gibt noch keinen Lieferanten; legen Sie zuerst einen mit Neuer Lieferant an.</translation>
    </message>
    <message>
        <source>Choose a supplier.</source>
        <translation>Wählen Sie einen Lieferanten.</translation>
    </message>
</context>
<context>
    <name>ProductDialog</name>
    <message>
        <source>Edit {sku}</source>
        <translation>{sku} bearbeiten</translation>
    </message>
    <message>
        <source>New product</source>
        <translation>Neuer Artikel</translation>
    </message>
    <message>
        <source>&amp;SKU</source>
        <translation>&amp;SKU</translation>
    </message>
    <message>
        <source>e.g. LAMP-01</source>
        <translation>z. B. LAMP-01</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>&amp;Price</source>
        <translation>&amp;Preis</translation>
    </message>
    <message>
        <source>e.g. 19.99</source>
        <translation>z. B. 19.99</translation>
    </message>
    <message>
        <source>&amp;Tax rate</source>
        <translation>S&amp;teuersatz</translation>
    </message>
    <message>
        <source>e.g. 19% or 0.19</source>
        <translation>z. B. 19% oder 0.19</translation>
    </message>
    <message>
        <source>Unit &amp;cost</source>
        <translation>Ein&amp;kaufspreis</translation>
    </message>
    <message>
        <source>what the supplier charges</source>
        <translation>was der Lieferant berechnet</translation>
    </message>
    <message>
        <source>&amp;Barcode</source>
        <translation>&amp;Barcode</translation>
    </message>
    <message>
        <source>EAN/UPC or empty</source>
        <translation>EAN/UPC oder leer</translation>
    </message>
    <message>
        <source>C&amp;ategory</source>
        <translation>Kate&amp;gorie</translation>
    </message>
    <message>
        <source>&amp;Location</source>
        <translation>&amp;Lagerort</translation>
    </message>
    <message>
        <source>e.g. A-01-02</source>
        <translation>z. B. A-01-02</translation>
    </message>
    <message>
        <source>&amp;Reorder point</source>
        <translation>&amp;Meldebestand</translation>
    </message>
    <message>
        <source>Reorder &amp;quantity</source>
        <translation>B&amp;estellmenge</translation>
    </message>
    <message>
        <source>0: order up to 2 x point</source>
        <translation>0: bis 2 x Meldebestand bestellen</translation>
    </message>
    <message>
        <source>&amp;Opening stock</source>
        <translation>&amp;Anfangsbestand</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keiner)</translation>
    </message>
    <message>
        <source>Pre&amp;ferred supplier</source>
        <translation>Bevorzugter Lie&amp;ferant</translation>
    </message>
    <message>
        <source>&amp;Description</source>
        <translation>Besch&amp;reibung</translation>
    </message>
</context>
<context>
    <name>PurchasingDialog</name>
    <message>
        <source>Draft</source>
        <translation>Entwurf</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Gesendet</translation>
    </message>
    <message>
        <source>Partly received</source>
        <translation>Teilweise eingegangen</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Eingegangen</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Storniert</translation>
    </message>
    <message>
        <source>Purchasing</source>
        <translation>Einkauf</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Nummer</translation>
    </message>
    <message>
        <source>Supplier</source>
        <translation>Lieferant</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>Positionen</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Summe</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Angelegt</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Ordered</source>
        <translation>Bestellt</translation>
    </message>
    <message>
        <source>Outstanding</source>
        <translation>Offen</translation>
    </message>
    <message>
        <source>Invoiced</source>
        <translation>Berechnet</translation>
    </message>
    <message>
        <source>Unit cost</source>
        <translation>Einkaufspreis</translation>
    </message>
    <message>
        <source>Ours</source>
        <translation>Unsere</translation>
    </message>
    <message>
        <source>Supplier&apos;s number</source>
        <translation>Nummer des Lieferanten</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Variance</source>
        <translation>Abweichung</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Bezahlt</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Offen</translation>
    </message>
    <message>
        <source>&amp;New order...</source>
        <translation>&amp;Neue Bestellung...</translation>
    </message>
    <message>
        <source>S&amp;uggest purchase</source>
        <translation>Bestellung vorschla&amp;gen</translation>
    </message>
    <message>
        <source>New su&amp;pplier</source>
        <translation>Neuer &amp;Lieferant</translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>&amp;Senden</translation>
    </message>
    <message>
        <source>&amp;Receive...</source>
        <translation>&amp;Wareneingang...</translation>
    </message>
    <message>
        <source>&amp;Cancel order</source>
        <translation>Bestellung s&amp;tornieren</translation>
    </message>
    <message>
        <source>Save P&amp;DF...</source>
        <translation>&amp;PDF speichern...</translation>
    </message>
    <message>
        <source>Record supplier &amp;invoice...</source>
        <translation>Eingangs&amp;rechnung erfassen...</translation>
    </message>
    <message>
        <source>Pa&amp;y supplier...</source>
        <translation>Lieferant &amp;bezahlen...</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Supplier invoices of the selected order</source>
        <translation>Eingangsrechnungen der gewählten Bestellung</translation>
    </message>
    <message>
        <source>print the purchase order (with a preview)</source>
        <translation>die Bestellung drucken (mit Vorschau)</translation>
    </message>
    <message>
        <source>SKU or name</source>
        <translation>SKU oder Name</translation>
    </message>
    <message>
        <source>e.g. 12</source>
        <translation>z. B. 12</translation>
    </message>
    <message>
        <source>blank: product&apos;s cost</source>
        <translation>leer: Einkaufspreis des Artikels</translation>
    </message>
    <message>
        <source>S&amp;KU</source>
        <translation>S&amp;KU</translation>
    </message>
    <message>
        <source>&amp;Quantity</source>
        <translation>&amp;Menge</translation>
    </message>
    <message>
        <source>Unit c&amp;ost</source>
        <translation>&amp;Einkaufspreis</translation>
    </message>
    <message>
        <source>&amp;Add / change line</source>
        <translation>Position &amp;hinzufügen / ändern</translation>
    </message>
    <message>
        <source>Remo&amp;ve line</source>
        <translation>Position ent&amp;fernen</translation>
    </message>
    <message>
        <source>{number} for {supplier} is open: enter its lines (SKU, quantity, cost) and press Enter.</source>
        <translation>{number} für {supplier} ist geöffnet: erfassen Sie die Positionen (SKU, Menge, Preis) und drücken Sie Enter.</translation>
    </message>
    <message>
        <source>Choose a draft purchase order first (New order starts one).</source>
        <translation>Wählen Sie zuerst einen Bestellentwurf (Neue Bestellung legt einen an).</translation>
    </message>
    <message>
        <source>{sku}: {quantity} on {number}</source>
        <translation>{sku}: {quantity} auf {number}</translation>
    </message>
    <message>
        <source>{sku} removed from {number}</source>
        <translation>{sku} aus {number} entfernt</translation>
    </message>
    <message>
        <source>{what}; total {total}.</source>
        <translation>{what}; Summe {total}.</translation>
    </message>
    <message>
        <source>Supplier invoices of {number}: {count}</source>
        <translation>Eingangsrechnungen zu {number}: {count}</translation>
    </message>
    <message>
        <source>Supplier invoices</source>
        <translation>Eingangsrechnungen</translation>
    </message>
    <message>
        <source>{invoices}; {units} unit(s) received and not yet invoiced</source>
        <translation>{invoices}; {units} Stück eingegangen und noch nicht berechnet</translation>
    </message>
    <message>
        <source>{count} draft purchase order(s) created or added to</source>
        <translation>{count} Bestellentwurf/-entwürfe angelegt oder ergänzt</translation>
    </message>
    <message>
        <source>Nothing to order: every product is above its reorder point or already on order</source>
        <translation>Nichts zu bestellen: jeder Artikel liegt über seinem Meldebestand oder ist schon bestellt</translation>
    </message>
    <message>
        <source>no preferred supplier for {skus} (set one in the product editor)</source>
        <translation>kein bevorzugter Lieferant für {skus} (im Artikeleditor festlegen)</translation>
    </message>
    <message>
        <source>Added supplier {name}.</source>
        <translation>Lieferant {name} angelegt.</translation>
    </message>
    <message>
        <source>Recorded {supplier}&apos;s invoice {number} as {reference}: {owed} owed, price variance {variance}.</source>
        <translation>Rechnung {number} von {supplier} als {reference} erfasst: {owed} geschuldet, Preisabweichung {variance}.</translation>
    </message>
    <message>
        <source>Recorded {supplier}&apos;s invoice {number} as {reference}: {owed} owed.</source>
        <translation>Rechnung {number} von {supplier} als {reference} erfasst: {owed} geschuldet.</translation>
    </message>
    <message>
        <source>Paid {amount} to {supplier} on {reference}; {open} still open.</source>
        <translation>{amount} an {supplier} auf {reference} gezahlt; {open} noch offen.</translation>
    </message>
    <message>
        <source>Paid {amount} to {supplier} on {reference}; paid in full.</source>
        <translation>{amount} an {supplier} auf {reference} gezahlt; vollständig bezahlt.</translation>
    </message>
    <message>
        <source>{number} is now {status}.</source>
        <translation>{number} ist jetzt {status}.</translation>
    </message>
    <message>
        <source>{number} sent to {printer}.</source>
        <translation>{number} an {printer} gesendet.</translation>
    </message>
    <message>
        <source>the printer</source>
        <translation>den Drucker</translation>
    </message>
    <message>
        <source>Save {number} as PDF</source>
        <translation>{number} als PDF speichern</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Saved {number} to {path}.</source>
        <translation>{number} in {path} gespeichert.</translation>
    </message>
</context>
<context>
    <name>ReceiveDialog</name>
    <message>
        <source>Receive {number} from {supplier}</source>
        <translation>Wareneingang {number} von {supplier}</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Outstanding</source>
        <translation>Offen</translation>
    </message>
    <message>
        <source>Receive now</source>
        <translation>Jetzt erhalten</translation>
    </message>
    <message>
        <source>&amp;Receive</source>
        <translation>&amp;Einbuchen</translation>
    </message>
    <message>
        <source>Change &apos;Receive now&apos; for a partial delivery (0 for a line that did not come).</source>
        <translation>Ändern Sie &apos;Jetzt erhalten&apos; für eine Teillieferung (0 für eine Position, die nicht kam).</translation>
    </message>
</context>
<context>
    <name>StockCountDialog</name>
    <message>
        <source>Stock count</source>
        <translation>Inventur</translation>
    </message>
    <message>
        <source>location counted, e.g. A-01-02 (empty: any)</source>
        <translation>gezählter Lagerort, z. B. A-01-02 (leer: beliebig)</translation>
    </message>
    <message>
        <source>scan a barcode or type SKU [quantity], Enter adds</source>
        <translation>Barcode scannen oder SKU [Menge] eingeben, Enter fügt hinzu</translation>
    </message>
    <message>
        <source>SKU or barcode</source>
        <translation>SKU oder Barcode</translation>
    </message>
    <message>
        <source>Counted</source>
        <translation>Gezählt</translation>
    </message>
    <message>
        <source>&amp;Post count</source>
        <translation>Inventur &amp;buchen</translation>
    </message>
    <message>
        <source>&amp;Remove line</source>
        <translation>Position &amp;entfernen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>&amp;Location</source>
        <translation>&amp;Lagerort</translation>
    </message>
    <message>
        <source>&amp;Scan</source>
        <translation>&amp;Scannen</translation>
    </message>
</context>
<context>
    <name>SupplierDialog</name>
    <message>
        <source>New supplier</source>
        <translation>Neuer Lieferant</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>&amp;Email</source>
        <translation>&amp;E-Mail</translation>
    </message>
    <message>
        <source>&amp;Phone</source>
        <translation>&amp;Telefon</translation>
    </message>
    <message>
        <source>&amp;Address</source>
        <translation>&amp;Anschrift</translation>
    </message>
</context>
<context>
    <name>SupplierInvoiceDialog</name>
    <message>
        <source>Supplier invoice for {number} from {supplier}</source>
        <translation>Eingangsrechnung zu {number} von {supplier}</translation>
    </message>
    <message>
        <source>as printed on the supplier&apos;s invoice</source>
        <translation>wie auf der Rechnung des Lieferanten gedruckt</translation>
    </message>
    <message>
        <source>input tax (VAT): an amount, or a rate such as 19%; empty: none</source>
        <translation>Vorsteuer (USt.): ein Betrag oder ein Satz wie 19%; leer: keine</translation>
    </message>
    <message>
        <source>Supplier&apos;s invoice &amp;number</source>
        <translation>Rechnungs&amp;nummer des Lieferanten</translation>
    </message>
    <message>
        <source>Invoice &amp;date</source>
        <translation>Rechnungs&amp;datum</translation>
    </message>
    <message>
        <source>Ta&amp;x</source>
        <translation>&amp;Steuer</translation>
    </message>
    <message>
        <source>N&amp;otes</source>
        <translation>N&amp;otizen</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Eingegangen</translation>
    </message>
    <message>
        <source>Invoiced</source>
        <translation>Berechnet</translation>
    </message>
    <message>
        <source>Invoiceable</source>
        <translation>Berechenbar</translation>
    </message>
    <message>
        <source>Invoice qty</source>
        <translation>Rechnungsmenge</translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation>Einzelpreis</translation>
    </message>
    <message>
        <source>PO cost</source>
        <translation>Bestellpreis</translation>
    </message>
    <message>
        <source>&amp;Record invoice (Ctrl+Enter)</source>
        <translation>Rechnung &amp;erfassen (Strg+Enter)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Received on {number} and not yet invoiced. Change the quantity or the price to what the invoice says (0 leaves a line out).</source>
        <translation>Auf {number} eingegangen und noch nicht berechnet. Ändern Sie Menge oder Preis auf das, was die Rechnung sagt (0 lässt eine Position weg).</translation>
    </message>
    <message>
        <source>Net {net} (at PO cost {cost}; price variance {variance})   Tax {tax}   Total owed {total}</source>
        <translation>Netto {net} (zum Bestellpreis {cost}; Preisabweichung {variance})   Steuer {tax}   Geschuldet gesamt {total}</translation>
    </message>
</context>
<context>
    <name>SupplierPaymentDialog</name>
    <message>
        <source>Pay {supplier}, invoice {number}</source>
        <translation>{supplier} bezahlen, Rechnung {number}</translation>
    </message>
    <message>
        <source>Invoice</source>
        <translation>Rechnung</translation>
    </message>
    <message>
        <source>{reference} ({number} of {date}), total {total}, open {open}</source>
        <translation>{reference} ({number} vom {date}), Summe {total}, offen {open}</translation>
    </message>
    <message>
        <source>Bank transfer</source>
        <translation>Überweisung</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>Bar</translation>
    </message>
    <message>
        <source>e.g. the transfer&apos;s reference</source>
        <translation>z. B. der Verwendungszweck der Überweisung</translation>
    </message>
    <message>
        <source>&amp;Amount</source>
        <translation>&amp;Betrag</translation>
    </message>
    <message>
        <source>&amp;Method</source>
        <translation>&amp;Zahlungsart</translation>
    </message>
    <message>
        <source>&amp;Reference</source>
        <translation>&amp;Referenz</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>&amp;Datum</translation>
    </message>
    <message>
        <source>&amp;Pay</source>
        <translation>Zahlung &amp;ausführen</translation>
    </message>
</context>
</TS>
