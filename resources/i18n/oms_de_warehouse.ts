<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>WarehouseTab</name>
    <message>
        <source>waiting</source>
        <extracomment>the queue&apos;s stages as the table shows them (translated where shown: :func:`stage_text`)</extracomment>
        <translation>wartet</translation>
    </message>
    <message>
        <source>awaiting stock (backorder)</source>
        <translation>wartet auf Bestand (Rückstand)</translation>
    </message>
    <message>
        <source>backorder</source>
        <translation>Rückstand</translation>
    </message>
    <message>
        <source>picking</source>
        <translation>in Kommissionierung</translation>
    </message>
    <message>
        <source>picked: pack it</source>
        <translation>kommissioniert: packen</translation>
    </message>
    <message>
        <source>packed: ship it</source>
        <translation>gepackt: versenden</translation>
    </message>
    <message>
        <source>{minutes} min</source>
        <translation>{minutes} Min.</translation>
    </message>
    <message>
        <source>{hours} h {minutes} min</source>
        <translation>{hours} Std. {minutes} Min.</translation>
    </message>
    <message>
        <source>{days} d</source>
        <translation>{days} Tg.</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Auftrag</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Stufe</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Wartezeit</translation>
    </message>
    <message>
        <source>Express</source>
        <translation>Express</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>Positionen</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>Stück</translation>
    </message>
    <message>
        <source>Backorder</source>
        <translation>Rückstand</translation>
    </message>
    <message>
        <source>Pick list</source>
        <translation>Kommissionierliste</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Lagerplatz</translation>
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
        <source>Qty</source>
        <translation>Menge</translation>
    </message>
    <message>
        <source>Picked</source>
        <translation>Entnommen</translation>
    </message>
    <message>
        <source>Totes</source>
        <translation>Kisten</translation>
    </message>
    <message>
        <source>Queue: express first, then oldest</source>
        <translation>Warteschlange: Express zuerst, dann die ältesten</translation>
    </message>
    <message>
        <source>Filter: order, customer, stage (Ctrl+F); scan a tracking number or PL-... + Enter to open it; Down: the list</source>
        <translation>Filter: Auftrag, Kunde, Stufe (Strg+F); Sendungsnummer oder PL-... scannen + Eingabe öffnet es; Pfeil ab: die Liste</translation>
    </message>
    <message>
        <source>Pick list for selected (Ctrl+P)</source>
        <translation>Kommissionierliste für Auswahl (Strg+P)</translation>
    </message>
    <message>
        <source>Pick &amp;next</source>
        <translation>&amp;Nächste kommissionieren</translation>
    </message>
    <message>
        <source>Release backorder</source>
        <translation>Rückstand freigeben</translation>
    </message>
    <message>
        <source>Pick list: scan its barcode, then each item (F4)</source>
        <translation>Kommissionierliste: ihren Barcode scannen, dann jeden Artikel (F4)</translation>
    </message>
    <message>
        <source>Scan or type PL-000123, then SKU or barcode</source>
        <translation>PL-000123 scannen oder tippen, dann SKU oder Barcode</translation>
    </message>
    <message>
        <source>No pick list loaded.</source>
        <translation>Keine Kommissionierliste geladen.</translation>
    </message>
    <message>
        <source>Units per order, by tote: T2: 1 = one unit into tote 2</source>
        <translation>Stück je Auftrag, nach Kiste: T2: 1 = ein Stück in Kiste 2</translation>
    </message>
    <message>
        <source>Reason for anything short (not at location, damaged, ...)</source>
        <translation>Grund für Fehlmengen (nicht am Lagerplatz, beschädigt, ...)</translation>
    </message>
    <message>
        <source>Confir&amp;m picks (Ctrl+Enter)</source>
        <translation>Entnah&amp;men bestätigen (Strg+Eingabe)</translation>
    </message>
    <message>
        <source>Prin&amp;t...</source>
        <translation>Dr&amp;ucken...</translation>
    </message>
    <message>
        <source>Save as P&amp;DF...</source>
        <translation>Als PD&amp;F speichern...</translation>
    </message>
    <message>
        <source>Pack and ship</source>
        <translation>Packen und versenden</translation>
    </message>
    <message>
        <source>SO-000123 or tracking number</source>
        <translation>SO-000123 oder Sendungsnummer</translation>
    </message>
    <message>
        <source>DHL, UPS, post, ...</source>
        <translation>DHL, UPS, Post, ...</translation>
    </message>
    <message>
        <source>kg, e.g. 2.5</source>
        <translation>kg, z. B. 2.5</translation>
    </message>
    <message>
        <source>O&amp;rder</source>
        <translation>Auft&amp;rag</translation>
    </message>
    <message>
        <source>&amp;Carrier</source>
        <translation>Paketdiens&amp;t</translation>
    </message>
    <message>
        <source>Service (e.g. e&amp;xpress)</source>
        <translation>Servi&amp;ce (z. B. Express)</translation>
    </message>
    <message>
        <source>Carrier r&amp;eference</source>
        <translation>Referen&amp;z des Paketdiensts</translation>
    </message>
    <message>
        <source>Wei&amp;ght (kg)</source>
        <translation>&amp;Gewicht (kg)</translation>
    </message>
    <message>
        <source>Pac&amp;kages</source>
        <translation>Pak&amp;ete</translation>
    </message>
    <message>
        <source>Pack onl&amp;y</source>
        <translation>Nur &amp;packen</translation>
    </message>
    <message>
        <source>Shi&amp;p (packs too)</source>
        <translation>&amp;Versenden (packt auch)</translation>
    </message>
    <message>
        <source>De&amp;livered</source>
        <translation>Gel&amp;iefert</translation>
    </message>
    <message>
        <source>Packing slip PDF...</source>
        <translation>Lieferschein als PDF...</translation>
    </message>
    <message>
        <source>filter the queue</source>
        <translation>die Warteschlange filtern</translation>
    </message>
    <message>
        <source>make a pick list of the selected orders</source>
        <translation>eine Kommissionierliste der ausgewählten Aufträge erstellen</translation>
    </message>
    <message>
        <source>confirm the picks</source>
        <translation>die Entnahmen bestätigen</translation>
    </message>
    <message>
        <source>print the packing slip (with a preview)</source>
        <translation>den Lieferschein drucken (mit Vorschau)</translation>
    </message>
    <message>
        <source>the scan field (a barcode, tracking or pick list number)</source>
        <translation>das Scanfeld (Barcode, Sendungs- oder Kommissionierlistennummer)</translation>
    </message>
    <message>
        <source>EXPRESS</source>
        <translation>EXPRESS</translation>
    </message>
    <message>
        <source>No order in the queue matches &apos;{text}&apos;.</source>
        <translation>Kein Auftrag in der Warteschlange passt zu &apos;{text}&apos;.</translation>
    </message>
    <message>
        <source>{order} ({customer}): {stage}.</source>
        <translation>{order} ({customer}): {stage}.</translation>
    </message>
    <message>
        <source>{order} is not in the queue (not picked yet, or shipped); it is on the pack and ship form.</source>
        <translation>{order} ist nicht in der Warteschlange (noch nicht kommissioniert oder schon versandt); er steht im Formular Packen und versenden.</translation>
    </message>
    <message>
        <source>Select orders in the queue first (Shift/Ctrl+click), or use &apos;Pick next&apos;.</source>
        <translation>Wählen Sie zuerst Aufträge in der Warteschlange (Umschalt/Strg+Klick) oder nutzen Sie &apos;Nächste kommissionieren&apos;.</translation>
    </message>
    <message>
        <source>{number} created: {orders}, {lines}, {units}. Print it or save it as PDF, then scan to confirm.</source>
        <translation>{number} erstellt: {orders}, {lines}, {units}. Drucken Sie sie oder speichern Sie sie als PDF, dann scannen Sie zum Bestätigen.</translation>
    </message>
    <message>
        <source>{n} order</source>
        <translation>{n} Auftrag</translation>
    </message>
    <message>
        <source>{n} orders</source>
        <translation>{n} Aufträge</translation>
    </message>
    <message>
        <source>{n} line</source>
        <translation>{n} Position</translation>
    </message>
    <message>
        <source>{n} lines</source>
        <translation>{n} Positionen</translation>
    </message>
    <message>
        <source>{n} unit</source>
        <translation>{n} Stück</translation>
    </message>
    <message>
        <source>{n} units</source>
        <translation>{n} Stück</translation>
    </message>
    <message>
        <source>{number} ({status}) · {orders} · {units} · picked {picked}</source>
        <translation>{number} ({status}) · {orders} · {units} · entnommen {picked}</translation>
    </message>
    <message>
        <source>Scan the pick list&apos;s barcode first (PL-...).</source>
        <translation>Scannen Sie zuerst den Barcode der Kommissionierliste (PL-...).</translation>
    </message>
    <message>
        <source>{number} is confirmed already.</source>
        <translation>{number} ist bereits bestätigt.</translation>
    </message>
    <message>
        <source>{scanned} is not on {number}: put it back.</source>
        <translation>{scanned} steht nicht auf {number}: bitte zurücklegen.</translation>
    </message>
    <message>
        <source>All {quantity} of {sku} are picked already: put this one back.</source>
        <translation>Alle {quantity} von {sku} sind bereits entnommen: bitte dieses zurücklegen.</translation>
    </message>
    <message>
        <source>{sku}: {count} of {quantity} · {location}</source>
        <translation>{sku}: {count} von {quantity} · {location}</translation>
    </message>
    <message>
        <source>{number} loaded: scan the items.</source>
        <translation>{number} geladen: scannen Sie die Artikel.</translation>
    </message>
    <message>
        <source>{number} was confirmed already; it is shown as picked.</source>
        <translation>{number} war bereits bestätigt; sie wird als entnommen angezeigt.</translation>
    </message>
    <message>
        <source>Load an open pick list first (scan its barcode).</source>
        <translation>Laden Sie zuerst eine offene Kommissionierliste (scannen Sie ihren Barcode).</translation>
    </message>
    <message>
        <source>{number} confirmed: {orders} ready to pack</source>
        <translation>{number} bestätigt: {orders} bereit zum Packen</translation>
    </message>
    <message>
        <source>, {units} short (they stay reserved and ship as a backorder)</source>
        <translation>, {units} fehlen (sie bleiben reserviert und werden als Rückstand versandt)</translation>
    </message>
    <message>
        <source>; nothing found for {orders}: back in the queue</source>
        <translation>; nichts gefunden für {orders}: zurück in der Warteschlange</translation>
    </message>
    <message>
        <source>Create or scan a pick list first.</source>
        <translation>Erstellen oder scannen Sie zuerst eine Kommissionierliste.</translation>
    </message>
    <message>
        <source>Save pick list</source>
        <translation>Kommissionierliste speichern</translation>
    </message>
    <message>
        <source>packing slip of {order}</source>
        <translation>Lieferschein von {order}</translation>
    </message>
    <message>
        <source>{document} sent to {printer}.</source>
        <translation>{document} an {printer} gesendet.</translation>
    </message>
    <message>
        <source>the printer</source>
        <translation>den Drucker</translation>
    </message>
    <message>
        <source>Cannot write {path}: {error}.</source>
        <translation>{path} kann nicht geschrieben werden: {error}.</translation>
    </message>
    <message>
        <source>Saved {path}.</source>
        <translation>{path} gespeichert.</translation>
    </message>
    <message>
        <source>Type or scan the order (SO-000123 or its tracking number).</source>
        <translation>Tippen oder scannen Sie den Auftrag (SO-000123 oder seine Sendungsnummer).</translation>
    </message>
    <message>
        <source>{order} packed: {carrier} {reference}, {lines}. Ship it when collected.</source>
        <translation>{order} gepackt: {carrier} {reference}, {lines}. Versenden Sie ihn bei Abholung.</translation>
    </message>
    <message>
        <source>{order} shipped with {carrier} {reference}: {lines}.</source>
        <translation>{order} versandt mit {carrier} {reference}: {lines}.</translation>
    </message>
    <message>
        <source>{order} is {status}.</source>
        <translation>{order} ist {status}.</translation>
    </message>
    <message>
        <source>Select one order with a backorder in the queue.</source>
        <translation>Wählen Sie einen Auftrag mit Rückstand in der Warteschlange.</translation>
    </message>
    <message>
        <source>{order}: backorder released; the reserved units are available again.</source>
        <translation>{order}: Rückstand freigegeben; die reservierten Stück sind wieder verfügbar.</translation>
    </message>
    <message>
        <source>Save packing slip</source>
        <translation>Lieferschein speichern</translation>
    </message>
</context>
</TS>
