<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AccountsTab</name>
    <message>
        <source>Order</source>
        <translation>Auftrag</translation>
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
        <source>Total</source>
        <translation>Summe</translation>
    </message>
    <message>
        <source>Invoiced</source>
        <translation>Berechnet</translation>
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
        <source>Invoice</source>
        <translation>Rechnung</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Fällig</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Überfällig</translation>
    </message>
    <message>
        <source>What shipped, else all</source>
        <translation>Was versandt ist, sonst alles</translation>
    </message>
    <message>
        <source>Once the order has a shipment: the units shipped and not invoiced yet (a first shipment, later its backorder). Before any shipment: the whole order (counter sale, prepayment).</source>
        <translation>Sobald der Auftrag eine Sendung hat: die versandten, noch nicht berechneten Stück (eine erste Sendung, später ihr Rückstand). Vor jeder Sendung: der ganze Auftrag (Thekenverkauf, Vorauszahlung).</translation>
    </message>
    <message>
        <source>Only what shipped</source>
        <translation>Nur was versandt ist</translation>
    </message>
    <message>
        <source>The units shipped and not invoiced yet; refused if none.</source>
        <translation>Die versandten, noch nicht berechneten Stück; abgelehnt, wenn es keine gibt.</translation>
    </message>
    <message>
        <source>Whole order</source>
        <translation>Ganzer Auftrag</translation>
    </message>
    <message>
        <source>Every unit not invoiced yet, shipped or not (prepayment of a backorder).</source>
        <translation>Jedes noch nicht berechnete Stück, versandt oder nicht (Vorauszahlung eines Rückstands).</translation>
    </message>
    <message>
        <source>Order or tracking no.</source>
        <translation>Auftrag oder Sendungsnr.</translation>
    </message>
    <message>
        <source>SO-000042, 42 or a tracking number; or pick an order in the queue</source>
        <translation>SO-000042, 42 oder eine Sendungsnummer; oder wählen Sie einen Auftrag in der Warteschlange</translation>
    </message>
    <message>
        <source>Record &amp;payment</source>
        <translation>&amp;Zahlung erfassen</translation>
    </message>
    <message>
        <source>Record a payment for the order (Ctrl+P)</source>
        <translation>Eine Zahlung für den Auftrag erfassen (Strg+P)</translation>
    </message>
    <message>
        <source>Iss&amp;ue invoice</source>
        <translation>&amp;Rechnung ausstellen</translation>
    </message>
    <message>
        <source>Issue the invoice the choice beside this button says (Ctrl+I)</source>
        <translation>Die Rechnung ausstellen, die die Auswahl neben dieser Schaltfläche angibt (Strg+I)</translation>
    </message>
    <message>
        <source>What Issue invoice bills: {choices}</source>
        <translation>Was Rechnung ausstellen berechnet: {choices}</translation>
    </message>
    <message>
        <source>&amp;Credit note...</source>
        <translation>Gutschri&amp;ft...</translation>
    </message>
    <message>
        <source>Refun&amp;d...</source>
        <translation>&amp;Erstattung...</translation>
    </message>
    <message>
        <source>&amp;Reprint PDF...</source>
        <translation>PDF &amp;nachdrucken...</translation>
    </message>
    <message>
        <source>Print or save the PDF of the order&apos;s invoice, credit note or the receipt of any of its payments</source>
        <translation>Das PDF der Rechnung, der Gutschrift oder des Belegs einer Zahlung des Auftrags drucken oder speichern</translation>
    </message>
    <message>
        <source>Ti&amp;ll...</source>
        <translation>Ka&amp;sse...</translation>
    </message>
    <message>
        <source>Open the counter&apos;s till with a float, cash in and out, close it with the count and save its Z report</source>
        <translation>Die Kasse der Theke mit Wechselgeld öffnen, Bargeld einlegen und entnehmen, sie mit der Zählung schließen und ihren Z-Bericht speichern</translation>
    </message>
    <message>
        <source>&amp;Queue</source>
        <translation>Warteschlan&amp;ge</translation>
    </message>
    <message>
        <source>All accounts</source>
        <translation>Alle Konten</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>Alle Arten</translation>
    </message>
    <message>
        <source>order</source>
        <translation>Auftrag</translation>
    </message>
    <message>
        <source>description contains</source>
        <translation>Beschreibung enthält</translation>
    </message>
    <message>
        <source>from</source>
        <translation>von</translation>
    </message>
    <message>
        <source>to</source>
        <translation>bis</translation>
    </message>
    <message>
        <source>R&amp;everse entry...</source>
        <translation>Buchung st&amp;ornieren...</translation>
    </message>
    <message>
        <source>E&amp;xport...</source>
        <translation>E&amp;xportieren...</translation>
    </message>
    <message>
        <source>Export the journal as</source>
        <translation>Journal exportieren als</translation>
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
        <source>Description / account</source>
        <translation>Beschreibung / Konto</translation>
    </message>
    <message>
        <source>Debit</source>
        <translation>Soll</translation>
    </message>
    <message>
        <source>Credit</source>
        <translation>Haben</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>&amp;Journal</source>
        <translation>&amp;Journal</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>Saldo</translation>
    </message>
    <message>
        <source>&amp;Trial balance</source>
        <translation>Su&amp;mmen- und Saldenliste</translation>
    </message>
    <message>
        <source>Days overdue</source>
        <translation>Tage überfällig</translation>
    </message>
    <message>
        <source>Bucket</source>
        <translation>Klasse</translation>
    </message>
    <message>
        <source>Receivables a&amp;ging</source>
        <translation>Forderungsal&amp;ter</translation>
    </message>
    <message>
        <source>Cash flow per</source>
        <translation>Cashflow je</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Zahlungsart</translation>
    </message>
    <message>
        <source>In</source>
        <translation>Ein</translation>
    </message>
    <message>
        <source>Out</source>
        <translation>Aus</translation>
    </message>
    <message>
        <source>Net</source>
        <translation>Netto</translation>
    </message>
    <message>
        <source>Cash flow</source>
        <translation>Cashflow</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Nummer</translation>
    </message>
    <message>
        <source>Corrects</source>
        <translation>Korrigiert</translation>
    </message>
    <message>
        <source>I&amp;nvoices</source>
        <translation>Rechn&amp;ungen</translation>
    </message>
    <message>
        <source>record a payment</source>
        <translation>eine Zahlung erfassen</translation>
    </message>
    <message>
        <source>issue an invoice</source>
        <translation>eine Rechnung ausstellen</translation>
    </message>
    <message>
        <source>print an invoice, credit note or receipt (with a preview)</source>
        <translation>eine Rechnung, Gutschrift oder einen Beleg drucken (mit Vorschau)</translation>
    </message>
    <message>
        <source>Type an order number or pick an order in the queue first.</source>
        <translation>Geben Sie zuerst eine Auftragsnummer ein oder wählen Sie einen Auftrag in der Warteschlange.</translation>
    </message>
    <message>
        <source>Paid, waiting for an invoice</source>
        <translation>Bezahlt, wartet auf eine Rechnung</translation>
    </message>
    <message>
        <source>Shipped, waiting for an invoice</source>
        <translation>Versandt, wartet auf eine Rechnung</translation>
    </message>
    <message>
        <source>Invoiced, awaiting payment</source>
        <translation>Berechnet, wartet auf Zahlung</translation>
    </message>
    <message>
        <source>Customer credit: refund or keep</source>
        <translation>Kundenguthaben: erstatten oder behalten</translation>
    </message>
    <message>
        <source>(counter sale)</source>
        <translation>(Thekenverkauf)</translation>
    </message>
    <message>
        <source>{days} d</source>
        <translation>{days} Tg.</translation>
    </message>
    <message>
        <source>  (reversed by #{entry})</source>
        <translation>  (storniert durch #{entry})</translation>
    </message>
    <message>
        <source>balanced</source>
        <translation>ausgeglichen</translation>
    </message>
    <message>
        <source>NOT BALANCED</source>
        <translation>NICHT AUSGEGLICHEN</translation>
    </message>
    <message>
        <source>Open receivables: {buckets}</source>
        <translation>Offene Forderungen: {buckets}</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>In {cash_in}   Out {cash_out}   Net {net}</source>
        <translation>Ein {cash_in}   Aus {cash_out}   Netto {net}</translation>
    </message>
    <message>
        <source> and {count} more</source>
        <translation> und {count} weitere</translation>
    </message>
    <message>
        <source>{order} ({status}, shipped {shipped} of {ordered} units, invoiced on {invoices})</source>
        <translation>{order} ({status}, {shipped} von {ordered} Stück versandt, berechnet mit {invoices})</translation>
    </message>
    <message>
        <source>{order} ({status}, shipped {shipped} of {ordered} units)</source>
        <translation>{order} ({status}, {shipped} von {ordered} Stück versandt)</translation>
    </message>
    <message>
        <source>{head}: nothing to invoice now. {refusal}</source>
        <translation>{head}: jetzt nichts zu berechnen. {refusal}</translation>
    </message>
    <message>
        <source>what shipped</source>
        <translation>was versandt ist</translation>
    </message>
    <message>
        <source>what is left of the order</source>
        <translation>was vom Auftrag übrig ist</translation>
    </message>
    <message>
        <source>the whole order</source>
        <translation>den ganzen Auftrag</translation>
    </message>
    <message>
        <source> with {shares}</source>
        <translation> mit {shares}</translation>
    </message>
    <message>
        <source>{head}: the invoice bills {basis}: {units}{shares}, {total}</source>
        <translation>{head}: die Rechnung berechnet {basis}: {units}{shares}, {total}</translation>
    </message>
    <message>
        <source>; not invoiced after it: {units}</source>
        <translation>; danach nicht berechnet: {units}</translation>
    </message>
    <message>
        <source>; with it the order is invoiced in full</source>
        <translation>; damit ist der Auftrag vollständig berechnet</translation>
    </message>
    <message>
        <source>Issued invoice {number} for {order}: {units} unit, {total}, due {due}.</source>
        <translation>Rechnung {number} für {order} ausgestellt: {units} Stück, {total}, fällig am {due}.</translation>
    </message>
    <message>
        <source>Issued invoice {number} for {order}: {units} units, {total}, due {due}.</source>
        <translation>Rechnung {number} für {order} ausgestellt: {units} Stück, {total}, fällig am {due}.</translation>
    </message>
    <message>
        <source>Credit note for {invoice}</source>
        <translation>Gutschrift zu {invoice}</translation>
    </message>
    <message>
        <source>Lines to credit as SKU=QTY, separated by commas ({lines});
leave empty to credit everything not yet credited:</source>
        <translation>Gutzuschreibende Positionen als SKU=MENGE, durch Kommas getrennt ({lines});
leer lassen, um alles noch nicht Gutgeschriebene gutzuschreiben:</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>Grund:</translation>
    </message>
    <message>
        <source>Issued credit note {number} for {invoice}: {total}.</source>
        <translation>Gutschrift {number} zu {invoice} ausgestellt: {total}.</translation>
    </message>
    <message>
        <source>{order} has no invoice yet; issue one first (Ctrl+I).</source>
        <translation>{order} hat noch keine Rechnung; stellen Sie zuerst eine aus (Strg+I).</translation>
    </message>
    <message>
        <source>Refunded {amount} {method} for {order}.</source>
        <translation>{amount} {method} für {order} erstattet.</translation>
    </message>
    <message>
        <source>Save PDF</source>
        <translation>PDF speichern</translation>
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
        <source>identical to the issued document</source>
        <translation>identisch mit dem ausgestellten Dokument</translation>
    </message>
    <message>
        <source>as it was for that payment</source>
        <translation>wie zu dieser Zahlung</translation>
    </message>
    <message>
        <source>{document} saved to {path} ({how}).</source>
        <translation>{document} gespeichert unter {path} ({how}).</translation>
    </message>
    <message>
        <source>Pick a journal entry first.</source>
        <translation>Wählen Sie zuerst eine Journalbuchung.</translation>
    </message>
    <message>
        <source>Reverse entry #{entry}</source>
        <translation>Buchung #{entry} stornieren</translation>
    </message>
    <message>
        <source>Posted reversal #{reversal} of entry #{entry}.</source>
        <translation>Storno #{reversal} zu Buchung #{entry} gebucht.</translation>
    </message>
    <message>
        <source>Export journal</source>
        <translation>Journal exportieren</translation>
    </message>
    <message>
        <source>Exports are not available in this session.</source>
        <translation>Exporte sind in dieser Sitzung nicht verfügbar.</translation>
    </message>
    <message>
        <source>Exported {count} entry as {format} to {path}.</source>
        <translation>{count} Buchung als {format} nach {path} exportiert.</translation>
    </message>
    <message>
        <source>Exported {count} entries as {format} to {path}.</source>
        <translation>{count} Buchungen als {format} nach {path} exportiert.</translation>
    </message>
</context>
<context>
    <name>AccountsWords</name>
    <message>
        <source>Cash</source>
        <extracomment>account -&gt; English name (the domain&apos;s ACCOUNT_LABELS, marked here for the catalog)</extracomment>
        <translation>Kasse</translation>
    </message>
    <message>
        <source>Bank</source>
        <translation>Bank</translation>
    </message>
    <message>
        <source>Card clearing</source>
        <translation>Kartenverrechnung</translation>
    </message>
    <message>
        <source>Payment gateway clearing</source>
        <translation>Verrechnung Zahlungsdienstleister</translation>
    </message>
    <message>
        <source>Receivables</source>
        <translation>Forderungen</translation>
    </message>
    <message>
        <source>Inventory</source>
        <translation>Warenbestand</translation>
    </message>
    <message>
        <source>Tax payable</source>
        <translation>Umsatzsteuer-Verbindlichkeit</translation>
    </message>
    <message>
        <source>Customer credit</source>
        <translation>Kundenguthaben</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>Umsatzerlöse</translation>
    </message>
    <message>
        <source>Sales discounts (promotions, coupons, incentives)</source>
        <translation>Erlösschmälerungen (Aktionen, Gutscheine, Angebote)</translation>
    </message>
    <message>
        <source>Shipping charges</source>
        <translation>Versanderlöse</translation>
    </message>
    <message>
        <source>Cost of goods sold</source>
        <translation>Wareneinsatz</translation>
    </message>
    <message>
        <source>Write-offs</source>
        <translation>Abschreibungen</translation>
    </message>
    <message>
        <source>Goods received not invoiced</source>
        <translation>Wareneingang ohne Rechnung</translation>
    </message>
    <message>
        <source>Opening balances</source>
        <translation>Eröffnungssalden</translation>
    </message>
    <message>
        <source>Inventory adjustments</source>
        <translation>Bestandskorrekturen</translation>
    </message>
    <message>
        <source>Input tax</source>
        <translation>Vorsteuer</translation>
    </message>
    <message>
        <source>Payables</source>
        <translation>Verbindlichkeiten</translation>
    </message>
    <message>
        <source>Purchase price variance</source>
        <translation>Einkaufspreisabweichung</translation>
    </message>
    <message>
        <source>Inventory revaluation</source>
        <translation>Bestandsneubewertung</translation>
    </message>
    <message>
        <source>Cash in transit (till float and transfers)</source>
        <translation>Geldtransit (Wechselgeld und Transfers)</translation>
    </message>
    <message>
        <source>Cash over (tills)</source>
        <translation>Kassenüberschuss (Kassen)</translation>
    </message>
    <message>
        <source>Cash short (tills)</source>
        <translation>Kassenfehlbetrag (Kassen)</translation>
    </message>
    <message>
        <source>sale</source>
        <extracomment>other codes: entry kinds, payment methods, aging buckets, periods, document kinds, till states</extracomment>
        <translation>Verkauf</translation>
    </message>
    <message>
        <source>receipt</source>
        <translation>Zahlungseingang</translation>
    </message>
    <message>
        <source>refund</source>
        <translation>Erstattung</translation>
    </message>
    <message>
        <source>credit note</source>
        <translation>Gutschrift</translation>
    </message>
    <message>
        <source>cogs</source>
        <translation>Wareneinsatz</translation>
    </message>
    <message>
        <source>return</source>
        <translation>Retoure</translation>
    </message>
    <message>
        <source>reversal</source>
        <translation>Storno</translation>
    </message>
    <message>
        <source>goods received</source>
        <translation>Wareneingang</translation>
    </message>
    <message>
        <source>opening stock</source>
        <translation>Anfangsbestand</translation>
    </message>
    <message>
        <source>stock adjustment</source>
        <translation>Bestandskorrektur</translation>
    </message>
    <message>
        <source>supplier invoice</source>
        <translation>Eingangsrechnung</translation>
    </message>
    <message>
        <source>supplier payment</source>
        <translation>Lieferantenzahlung</translation>
    </message>
    <message>
        <source>revaluation</source>
        <translation>Neubewertung</translation>
    </message>
    <message>
        <source>till cash</source>
        <translation>Kassenbewegung</translation>
    </message>
    <message>
        <source>till close</source>
        <translation>Kassenabschluss</translation>
    </message>
    <message>
        <source>cash</source>
        <translation>bar</translation>
    </message>
    <message>
        <source>card</source>
        <translation>Karte</translation>
    </message>
    <message>
        <source>bank</source>
        <translation>Überweisung</translation>
    </message>
    <message>
        <source>online</source>
        <translation>online bezahlt</translation>
    </message>
    <message>
        <source>current</source>
        <translation>nicht fällig</translation>
    </message>
    <message>
        <source>over 90</source>
        <translation>über 90</translation>
    </message>
    <message>
        <source>day</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>week</source>
        <translation>Woche</translation>
    </message>
    <message>
        <source>month</source>
        <translation>Monat</translation>
    </message>
    <message>
        <source>invoice</source>
        <translation>Rechnung</translation>
    </message>
    <message>
        <source>open</source>
        <translation>offen</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>geschlossen</translation>
    </message>
</context>
<context>
    <name>DocumentChoiceDialog</name>
    <message>
        <source>Invoice {number}  {date}  {total}</source>
        <extracomment>the functions of this module speak in the dialog&apos;s context (lupdate reads ``translate(&quot;Context&quot;, &quot;Text&quot;)``)</extracomment>
        <translation>Rechnung {number}  {date}  {total}</translation>
    </message>
    <message>
        <source>Credit note {number}  {date}  {total}</source>
        <translation>Gutschrift {number}  {date}  {total}</translation>
    </message>
    <message>
        <source>Receipt {number}  {date}  {method}  {amount}</source>
        <translation>Beleg {number}  {date}  {method}  {amount}</translation>
    </message>
    <message>
        <source>Receipt of a refund {number}  {date}  {method}  {amount}</source>
        <translation>Beleg einer Erstattung {number}  {date}  {method}  {amount}</translation>
    </message>
    <message>
        <source>{order} has no invoice and no payment yet: nothing to print.</source>
        <translation>{order} hat noch keine Rechnung und keine Zahlung: nichts zu drucken.</translation>
    </message>
    <message>
        <source>Reprint a document of {order}</source>
        <translation>Ein Dokument von {order} nachdrucken</translation>
    </message>
    <message>
        <source>Print...</source>
        <translation>Drucken...</translation>
    </message>
    <message>
        <source>Invoices, credit notes and the receipt of each payment, oldest first:</source>
        <translation>Rechnungen, Gutschriften und der Beleg jeder Zahlung, älteste zuerst:</translation>
    </message>
</context>
<context>
    <name>PaymentDialog</name>
    <message>
        <source>Cash</source>
        <translation>Bar</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Karte</translation>
    </message>
    <message>
        <source>Bank transfer</source>
        <translation>Überweisung</translation>
    </message>
    <message>
        <source>Refund for {order}</source>
        <extracomment>the functions of this module speak in the dialog&apos;s context (lupdate reads ``translate(&quot;Context&quot;, &quot;Text&quot;)``)</extracomment>
        <translation>Erstattung für {order}</translation>
    </message>
    <message>
        <source>Payment for {order}</source>
        <translation>Zahlung für {order}</translation>
    </message>
    <message>
        <source>no customer</source>
        <translation>kein Kunde</translation>
    </message>
    <message>
        <source>Customer credit: {amount}</source>
        <translation>Kundenguthaben: {amount}</translation>
    </message>
    <message>
        <source>Due: {amount}</source>
        <translation>Fällig: {amount}</translation>
    </message>
    <message>
        <source>cash handed over (optional)</source>
        <translation>übergebenes Bargeld (optional)</translation>
    </message>
    <message>
        <source>last 4 digits only</source>
        <translation>nur die letzten 4 Ziffern</translation>
    </message>
    <message>
        <source>terminal or bank reference (never a card number)</source>
        <translation>Terminal- oder Bankreferenz (nie eine Kartennummer)</translation>
    </message>
    <message>
        <source>&amp;Method</source>
        <translation>&amp;Zahlungsart</translation>
    </message>
    <message>
        <source>&amp;Amount</source>
        <translation>&amp;Betrag</translation>
    </message>
    <message>
        <source>&amp;Tendered</source>
        <translation>&amp;Gegeben</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Rückgeld</translation>
    </message>
    <message>
        <source>Card &amp;last 4</source>
        <translation>Karte, &amp;letzte 4</translation>
    </message>
    <message>
        <source>&amp;Reference</source>
        <translation>&amp;Referenz</translation>
    </message>
    <message>
        <source>&amp;Notes</source>
        <translation>&amp;Notizen</translation>
    </message>
    <message>
        <source>Print to rece&amp;ipt printer</source>
        <translation>Auf dem Bondrucker druck&amp;en</translation>
    </message>
    <message>
        <source>The receipt prints on the counter&apos;s receipt printer (and a cash payment opens the drawer)</source>
        <translation>Der Kassenbon wird auf dem Bondrucker der Theke gedruckt (und eine Barzahlung öffnet die Schublade)</translation>
    </message>
    <message>
        <source>Record refund</source>
        <translation>Erstattung erfassen</translation>
    </message>
    <message>
        <source>Record payment</source>
        <translation>Zahlung erfassen</translation>
    </message>
    <message>
        <source>tendered {tendered} is less than the amount {amount}</source>
        <translation>gegeben {tendered} ist weniger als der Betrag {amount}</translation>
    </message>
    <message>
        <source>amount must be more than zero</source>
        <translation>der Betrag muss größer als null sein</translation>
    </message>
    <message>
        <source>the reference looks like a card number; enter only the last four digits</source>
        <translation>die Referenz sieht wie eine Kartennummer aus; geben Sie nur die letzten vier Ziffern ein</translation>
    </message>
    <message>
        <source>the notes look like a card number; enter only the last four digits</source>
        <translation>die Notizen sehen wie eine Kartennummer aus; geben Sie nur die letzten vier Ziffern ein</translation>
    </message>
    <message>
        <source>card last four must be exactly four digits</source>
        <translation>die letzten vier der Karte müssen genau vier Ziffern sein</translation>
    </message>
    <message>
        <source>Save receipt</source>
        <translation>Kassenbon speichern</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>Kassenbon</translation>
    </message>
    <message>
        <source>Payment for {order} recorded. Receipt?</source>
        <translation>Zahlung für {order} erfasst. Kassenbon?</translation>
    </message>
    <message>
        <source>&amp;Save receipt PDF</source>
        <translation>Kassenbon als PDF &amp;speichern</translation>
    </message>
    <message>
        <source>&amp;Print (open in viewer)</source>
        <translation>&amp;Drucken (im Betrachter öffnen)</translation>
    </message>
    <message>
        <source>&amp;No receipt</source>
        <translation>&amp;Kein Kassenbon</translation>
    </message>
    <message>
        <source>Receipt saved to {path}.</source>
        <translation>Kassenbon gespeichert unter {path}.</translation>
    </message>
    <message>
        <source>still due {amount}</source>
        <translation>noch fällig {amount}</translation>
    </message>
    <message>
        <source>customer credit {amount}</source>
        <translation>Kundenguthaben {amount}</translation>
    </message>
    <message>
        <source>paid in full</source>
        <translation>vollständig bezahlt</translation>
    </message>
    <message>
        <source>, change {amount}</source>
        <translation>, Rückgeld {amount}</translation>
    </message>
    <message>
        <source>{amount} {method} recorded for {order}{change}; {rest}.</source>
        <translation>{amount} {method} für {order} erfasst{change}; {rest}.</translation>
    </message>
    <message>
        <source> (it waits and prints with the next receipt)</source>
        <translation> (er wartet und wird mit dem nächsten Kassenbon gedruckt)</translation>
    </message>
    <message>
        <source>Receipt not printed: {errors}</source>
        <translation>Kassenbon nicht gedruckt: {errors}</translation>
    </message>
    <message>
        <source>Receipt printed ({count}).</source>
        <translation>Kassenbon gedruckt ({count}).</translation>
    </message>
</context>
<context>
    <name>TillDialog</name>
    <message>
        <source>Session</source>
        <translation>Sitzung</translation>
    </message>
    <message>
        <source>Till</source>
        <translation>Kasse</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Opened by</source>
        <translation>Geöffnet von</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Geöffnet</translation>
    </message>
    <message>
        <source>Float</source>
        <translation>Wechselgeld</translation>
    </message>
    <message>
        <source>Expected cash</source>
        <translation>Erwartetes Bargeld</translation>
    </message>
    <message>
        <source>Counted cash</source>
        <translation>Gezähltes Bargeld</translation>
    </message>
    <message>
        <source>Over/short</source>
        <translation>Über/Fehlbetrag</translation>
    </message>
    <message>
        <source>Save Z report</source>
        <translation>Z-Bericht speichern</translation>
    </message>
    <message>
        <source>&amp;Till</source>
        <translation>Kass&amp;e</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>cash in the drawer to start with, e.g. 150.00</source>
        <translation>Bargeld in der Schublade zu Beginn, z. B. 150.00</translation>
    </message>
    <message>
        <source>&amp;Open till</source>
        <translation>Kasse ö&amp;ffnen</translation>
    </message>
    <message>
        <source>&amp;Float</source>
        <translation>&amp;Wechselgeld</translation>
    </message>
    <message>
        <source>Cash in and out</source>
        <translation>Bargeld einlegen und entnehmen</translation>
    </message>
    <message>
        <source>why, e.g. change from the bank, drop to the safe</source>
        <translation>warum, z. B. Wechselgeld von der Bank, Abschöpfung in den Tresor</translation>
    </message>
    <message>
        <source>Cash &amp;in</source>
        <translation>E&amp;inlage</translation>
    </message>
    <message>
        <source>Cash o&amp;ut</source>
        <translation>Ent&amp;nahme</translation>
    </message>
    <message>
        <source>&amp;Amount</source>
        <translation>Betr&amp;ag</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>&amp;Grund</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>the terminal&apos;s total (empty: it agrees)</source>
        <translation>die Summe des Terminals (leer: sie stimmt)</translation>
    </message>
    <message>
        <source>&amp;Close till and save the Z report...</source>
        <translation>Kasse s&amp;chließen und Z-Bericht speichern...</translation>
    </message>
    <message>
        <source>Counted ca&amp;sh</source>
        <translation>Gezähltes &amp;Bargeld</translation>
    </message>
    <message>
        <source>Expected card</source>
        <translation>Erwartet Karte</translation>
    </message>
    <message>
        <source>Counted car&amp;d</source>
        <translation>Gezählt &amp;Karte</translation>
    </message>
    <message>
        <source>Today&apos;s sessions (every till)</source>
        <translation>Heutige Sitzungen (alle Kassen)</translation>
    </message>
    <message>
        <source>Save &amp;Z report PDF...</source>
        <translation>&amp;Z-Bericht als PDF speichern...</translation>
    </message>
    <message>
        <source>The session picked in the list, else the till&apos;s last session today (an X report while it is open)</source>
        <translation>Die in der Liste gewählte Sitzung, sonst die letzte heutige Sitzung der Kasse (ein X-Bericht, solange sie offen ist)</translation>
    </message>
    <message>
        <source>&amp;Print Z report...</source>
        <translation>Z-Bericht &amp;drucken...</translation>
    </message>
    <message>
        <source>Through a print preview, on this workstation&apos;s printer for Z reports first; {which}</source>
        <translation>Über eine Druckvorschau, zuerst auf dem Drucker dieses Arbeitsplatzes für Z-Berichte; {which}</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>Till {till} is closed.</source>
        <translation>Kasse {till} ist geschlossen.</translation>
    </message>
    <message>
        <source>Till {till} is open ({session}, opened by {user} {when}).</source>
        <translation>Kasse {till} ist offen ({session}, geöffnet von {user} {when}).</translation>
    </message>
    <message>
        <source>Till {till} opened ({session}) with a float of {amount}.</source>
        <translation>Kasse {till} geöffnet ({session}) mit {amount} Wechselgeld.</translation>
    </message>
    <message>
        <source>Cash in {amount}: {reason}. The drawer should hold {expected}.</source>
        <translation>Einlage {amount}: {reason}. In der Schublade sollten {expected} sein.</translation>
    </message>
    <message>
        <source>Cash out {amount}: {reason}. The drawer should hold {expected}.</source>
        <translation>Entnahme {amount}: {reason}. In der Schublade sollten {expected} sein.</translation>
    </message>
    <message>
        <source>even</source>
        <translation>ausgeglichen</translation>
    </message>
    <message>
        <source>over {amount}</source>
        <translation>Überschuss {amount}</translation>
    </message>
    <message>
        <source>short {amount}</source>
        <translation>Fehlbetrag {amount}</translation>
    </message>
    <message>
        <source>Till {till} closed ({session}): {result}, booked to the ledger.</source>
        <translation>Kasse {till} geschlossen ({session}): {result}, ins Hauptbuch gebucht.</translation>
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
        <source>Z report saved to {path}.</source>
        <translation>Z-Bericht gespeichert unter {path}.</translation>
    </message>
</context>
</TS>
