<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>OrderListModel</name>
    <message>
        <source>Order</source>
        <translation>Auftrag</translation>
    </message>
    <message>
        <source>Taken</source>
        <translation>Erfasst</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>Positionen</translation>
    </message>
    <message>
        <source>Total (gross)</source>
        <translation>Summe (brutto)</translation>
    </message>
    <message>
        <source>Tracking number</source>
        <translation>Sendungsnummer</translation>
    </message>
    <message>
        <source>(walk-in)</source>
        <translation>(Laufkunde)</translation>
    </message>
    <message>
        <source>cart</source>
        <translation>Warenkorb</translation>
    </message>
    <message>
        <source>{order}: Enter opens it</source>
        <translation>{order}: Eingabe öffnet ihn</translation>
    </message>
</context>
<context>
    <name>OrderSearchDialog</name>
    <message>
        <source>Search: a customer&apos;s name, phone (any format) or e-mail, an order number (SO-000123) or a tracking number. Down: the list; Enter: open the order; Ctrl+F: back to the search; Esc: close.</source>
        <translation>Suchen: Name, Telefon (beliebiges Format) oder E-Mail eines Kunden, eine Auftragsnummer (SO-000123) oder eine Sendungsnummer. Pfeil ab: die Liste; Eingabe: Auftrag öffnen; Strg+F: zurück zur Suche; Esc: schließen.</translation>
    </message>
    <message>
        <source>Find orders</source>
        <translation>Aufträge suchen</translation>
    </message>
    <message>
        <source>Customer name, phone or e-mail; order number; tracking number</source>
        <translation>Kundenname, Telefon oder E-Mail; Auftragsnummer; Sendungsnummer</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>JJJJ-MM-TT</translation>
    </message>
    <message>
        <source>any status</source>
        <translation>jeder Status</translation>
    </message>
    <message>
        <source>cart</source>
        <translation>Warenkorb</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>&amp;Suchen</translation>
    </message>
    <message>
        <source>Fro&amp;m</source>
        <translation>&amp;Von</translation>
    </message>
    <message>
        <source>&amp;To</source>
        <translation>&amp;Bis</translation>
    </message>
    <message>
        <source>Stat&amp;us</source>
        <translation>Stat&amp;us</translation>
    </message>
    <message>
        <source>{count}+ order(s), newest first (scroll down for more). Down, then Enter opens one.</source>
        <translation>{count}+ Auftrag/Aufträge, neueste zuerst (für mehr nach unten blättern). Pfeil ab, dann Eingabe öffnet einen.</translation>
    </message>
    <message>
        <source>{count} order(s), newest first. Down, then Enter opens one.</source>
        <translation>{count} Auftrag/Aufträge, neueste zuerst. Pfeil ab, dann Eingabe öffnet einen.</translation>
    </message>
    <message>
        <source>No order matches.</source>
        <translation>Kein Auftrag passt.</translation>
    </message>
    <message>
        <source> Check the days (From, To).</source>
        <translation> Prüfen Sie die Tage (Von, Bis).</translation>
    </message>
    <message>
        <source>{count}+ order(s), newest first. Down, then Enter opens one.</source>
        <translation>{count}+ Auftrag/Aufträge, neueste zuerst. Pfeil ab, dann Eingabe öffnet einen.</translation>
    </message>
    <message>
        <source>Search first, then pick an order with Down and Enter.</source>
        <translation>Suchen Sie zuerst, dann wählen Sie einen Auftrag mit Pfeil ab und Eingabe.</translation>
    </message>
</context>
<context>
    <name>ServiceDeskPanel</name>
    <message>
        <source>backorder</source>
        <extracomment>the timeline&apos;s steps that are not an order&apos;s status (those go through :func:`label`); translated where shown</extracomment>
        <translation>Rückstand</translation>
    </message>
    <message>
        <source>backorder released</source>
        <translation>Rückstand freigegeben</translation>
    </message>
    <message>
        <source>backorder fulfilled</source>
        <translation>Rückstand erfüllt</translation>
    </message>
    <message>
        <source>invoiced</source>
        <translation>berechnet</translation>
    </message>
    <message>
        <source>paid</source>
        <translation>bezahlt</translation>
    </message>
    <message>
        <source>credit note</source>
        <translation>Gutschrift</translation>
    </message>
    <message>
        <source>refunded</source>
        <translation>erstattet</translation>
    </message>
    <message>
        <source>restock</source>
        <extracomment>a return&apos;s condition (the code the service keeps) as the messages name it</extracomment>
        <translation>zurück in den Bestand</translation>
    </message>
    <message>
        <source>damaged</source>
        <translation>beschädigt</translation>
    </message>
    <message>
        <source>Tracking number (XXXX-XXXX-XXXX), order number (SO-000123) or the customer&apos;s phone</source>
        <translation>Sendungsnummer (XXXX-XXXX-XXXX), Auftragsnummer (SO-000123) oder Telefon des Kunden</translation>
    </message>
    <message>
        <source>Find (Enter)</source>
        <translation>Suchen (Eingabe)</translation>
    </message>
    <message>
        <source>&amp;Look up</source>
        <translation>S&amp;uchen</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Wer</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>Menge</translation>
    </message>
    <message>
        <source>Returnable</source>
        <translation>Retournierbar</translation>
    </message>
    <message>
        <source>Order li&amp;nes</source>
        <translation>Auftrags&amp;positionen</translation>
    </message>
    <message>
        <source>Receive a return</source>
        <translation>Retoure annehmen</translation>
    </message>
    <message>
        <source>Back into stock (restock)</source>
        <translation>Zurück in den Bestand</translation>
    </message>
    <message>
        <source>Damaged (no stock)</source>
        <translation>Beschädigt (kein Bestand)</translation>
    </message>
    <message>
        <source>Why it came back (wrong size, broken in transit, ...)</source>
        <translation>Warum sie zurückkam (falsche Größe, beim Transport beschädigt, ...)</translation>
    </message>
    <message>
        <source>&amp;Receive return</source>
        <translation>Retoure anneh&amp;men</translation>
    </message>
    <message>
        <source>I&amp;tem</source>
        <translation>Ar&amp;tikel</translation>
    </message>
    <message>
        <source>&amp;Quantity</source>
        <translation>Me&amp;nge</translation>
    </message>
    <message>
        <source>&amp;Condition</source>
        <translation>&amp;Zustand</translation>
    </message>
    <message>
        <source>R&amp;eason</source>
        <translation>&amp;Grund</translation>
    </message>
    <message>
        <source>Invalid tracking number (typo?): {error} Did the customer mean one of these? Down and Enter shows it; else ask them to read it again.</source>
        <translation>Ungültige Sendungsnummer (Tippfehler?): {error} Meinte der Kunde eine dieser Nummern? Pfeil ab und Eingabe zeigt sie; sonst bitten Sie ihn, sie noch einmal vorzulesen.</translation>
    </message>
    <message>
        <source>Invalid tracking number (typo?): {error} Ask the customer to read it again.</source>
        <translation>Ungültige Sendungsnummer (Tippfehler?): {error} Bitten Sie den Kunden, sie noch einmal vorzulesen.</translation>
    </message>
    <message>
        <source>Not found: {error}</source>
        <translation>Nicht gefunden: {error}</translation>
    </message>
    <message>
        <source>Type a tracking number, an order number or a phone number.</source>
        <translation>Geben Sie eine Sendungsnummer, eine Auftragsnummer oder eine Telefonnummer ein.</translation>
    </message>
    <message>
        <source>{count} orders for this phone number: pick one.</source>
        <translation>{count} Aufträge zu dieser Telefonnummer: wählen Sie einen.</translation>
    </message>
    <message>
        <source>{order} · tracking {tracking} · {status} · {customer} · {total}</source>
        <translation>{order} · Sendung {tracking} · {status} · {customer} · {total}</translation>
    </message>
    <message numerus="yes">
        <source> · backorder: %n unit(s) still to come</source>
        <translation>
            <numerusform> · Rückstand: %n Stück folgt noch</numerusform>
            <numerusform> · Rückstand: %n Stück folgen noch</numerusform>
        </translation>
    </message>
    <message>
        <source>{sku} · {name} ({count} returnable)</source>
        <translation>{sku} · {name} ({count} retournierbar)</translation>
    </message>
    <message numerus="yes">
        <source>{order}: %n step(s).</source>
        <translation>
            <numerusform>{order}: %n Schritt.</numerusform>
            <numerusform>{order}: %n Schritte.</numerusform>
        </translation>
    </message>
    <message>
        <source>Look up a shipped order first.</source>
        <translation>Suchen Sie zuerst einen versandten Auftrag.</translation>
    </message>
    <message>
        <source>Received {quantity} x {sku} ({condition}) for {order}.</source>
        <translation>{quantity} x {sku} ({condition}) für {order} angenommen.</translation>
    </message>
</context>
</TS>
