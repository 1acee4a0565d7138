<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AmendDialog</name>
    <message>
        <source>Amend {number}</source>
        <translation>{number} ändern</translation>
    </message>
    <message>
        <source>{number} for {customer}, confirmed, total {total}. Change a quantity (0 removes the line) or a unit price; the stock reservation follows when you save.</source>
        <translation>{number} für {customer}, bestätigt, Summe {total}. Ändern Sie eine Menge (0 entfernt die Position) oder einen Einzelpreis; die Reservierung des Bestands folgt beim Speichern.</translation>
    </message>
    <message>
        <source>walk-in customer</source>
        <translation>Laufkunde</translation>
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
        <source>Quantity</source>
        <translation>Menge</translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation>Einzelpreis</translation>
    </message>
    <message>
        <source>Add &amp;line</source>
        <translation>Position &amp;hinzufügen</translation>
    </message>
    <message>
        <source>Allow back&amp;order (what is not in stock waits for goods)</source>
        <translation>&amp;Nachlieferung erlauben (was nicht am Lager ist, wartet auf Ware)</translation>
    </message>
    <message>
        <source>&amp;Save amendment (Ctrl+S)</source>
        <translation>Änderung &amp;speichern (Strg+S)</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>Abbrechen (Esc)</translation>
    </message>
    <message>
        <source>(new line)</source>
        <translation>(neue Position)</translation>
    </message>
    <message>
        <source>Nothing changed: change a quantity or a price, or add a line (Alt+L).</source>
        <translation>Nichts geändert: Ändern Sie eine Menge oder einen Preis oder fügen Sie eine Position hinzu (Alt+H).</translation>
    </message>
    <message>
        <source>Saving...</source>
        <translation>Wird gespeichert...</translation>
    </message>
</context>
<context>
    <name>CartBoardModel</name>
    <message>
        <source>Risk</source>
        <translation>Risiko</translation>
    </message>
    <message>
        <source>Cart</source>
        <translation>Warenkorb</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Idle</source>
        <translation>Untätig</translation>
    </message>
    <message>
        <source>Offers</source>
        <translation>Angebote</translation>
    </message>
    <message>
        <source>Last change</source>
        <translation>Letzte Änderung</translation>
    </message>
    <message>
        <source>⚠ AT RISK</source>
        <translation>⚠ GEFÄHRDET</translation>
    </message>
    <message>
        <source>{change} by {who}</source>
        <translation>{change} von {who}</translation>
    </message>
    <message>
        <source>(no customer)</source>
        <translation>(kein Kunde)</translation>
    </message>
    <message>
        <source>Idle for {idle}, over {limit} min: offer something (P, A, S, C) or call back</source>
        <translation>Seit {idle} untätig, über {limit} Min.: Bieten Sie etwas an (P, A, S, C) oder rufen Sie zurück</translation>
    </message>
    <message>
        <source>{number}: {items} items, opened by {agent}</source>
        <translation>{number}: {items} Artikel, eröffnet von {agent}</translation>
    </message>
</context>
<context>
    <name>CartChanges</name>
    <message>
        <source>new</source>
        <translation>neu</translation>
    </message>
    <message>
        <source>price</source>
        <translation>Preis</translation>
    </message>
    <message>
        <source>your total is now {now} instead of {before}</source>
        <translation>Ihre Summe beträgt jetzt {now} statt {before}</translation>
    </message>
    <message>
        <source>your total is {now}</source>
        <translation>Ihre Summe beträgt {now}</translation>
    </message>
    <message>
        <source>a manager</source>
        <translation>einem Manager</translation>
    </message>
    <message>
        <source>Offer from {who}{why}: {offer}. Read to the caller: &apos;We can offer you {offer_lower}: {total}.&apos;</source>
        <translation>Angebot von {who}{why}: {offer}. Dem Anrufer vorlesen: &apos;Wir können Ihnen {offer_lower} anbieten: {total}.&apos;</translation>
    </message>
</context>
<context>
    <name>CartsTab</name>
    <message>
        <source>P percent off  ·  A amount off  ·  S free shipping  ·  C coupon  ·  Enter opens the cart in Orders  ·  Alt+R at risk only</source>
        <translation>P Prozentrabatt  ·  A Betragsrabatt  ·  S kostenloser Versand  ·  C Gutschein  ·  Enter öffnet den Warenkorb in Aufträge  ·  Alt+G nur gefährdete</translation>
    </message>
    <message>
        <source>At &amp;risk only</source>
        <translation>Nur &amp;gefährdete</translation>
    </message>
    <message>
        <source>1 open cart worth {value}, {at_risk} at risk (idle over {minutes} min)</source>
        <translation>1 offener Warenkorb im Wert von {value}, {at_risk} gefährdet (über {minutes} Min. untätig)</translation>
    </message>
    <message>
        <source>{count} open carts worth {value}, {at_risk} at risk (idle over {minutes} min)</source>
        <translation>{count} offene Warenkörbe im Wert von {value}, {at_risk} gefährdet (über {minutes} Min. untätig)</translation>
    </message>
    <message>
        <source>Your 1 open cart worth {value}, {at_risk} at risk (idle over {minutes} min)</source>
        <translation>Ihr 1 offener Warenkorb im Wert von {value}, {at_risk} gefährdet (über {minutes} Min. untätig)</translation>
    </message>
    <message>
        <source>Your {count} open carts worth {value}, {at_risk} at risk (idle over {minutes} min)</source>
        <translation>Ihre {count} offenen Warenkörbe im Wert von {value}, {at_risk} gefährdet (über {minutes} Min. untätig)</translation>
    </message>
    <message>
        <source>; the first {count} shown</source>
        <translation>; die ersten {count} angezeigt</translation>
    </message>
    <message>
        <source>No cart selected: choose one with Up and Down, then P, A, S or C.</source>
        <translation>Kein Warenkorb ausgewählt: Wählen Sie einen mit Auf und Ab, dann P, A, S oder C.</translation>
    </message>
    <message>
        <source>total {before} -&gt; {after}</source>
        <translation>Summe {before} -&gt; {after}</translation>
    </message>
    <message>
        <source>total {after}</source>
        <translation>Summe {after}</translation>
    </message>
    <message>
        <source>Offered {offer} on {number} ({customer}): {total}.</source>
        <translation>{offer} auf {number} angeboten ({customer}): {total}.</translation>
    </message>
    <message>
        <source>no customer</source>
        <translation>kein Kunde</translation>
    </message>
    <message>
        <source> Coupon {code} is the customer&apos;s.</source>
        <translation> Der Gutschein {code} gehört dem Kunden.</translation>
    </message>
    <message>
        <source>Up / Down</source>
        <translation>Auf / Ab</translation>
    </message>
    <message>
        <source>choose a cart</source>
        <translation>einen Warenkorb wählen</translation>
    </message>
    <message>
        <source>offer percent off (Enter offers the default)</source>
        <translation>Prozentrabatt anbieten (Enter bietet den Standardwert an)</translation>
    </message>
    <message>
        <source>offer an amount off</source>
        <translation>einen Betragsrabatt anbieten</translation>
    </message>
    <message>
        <source>offer free shipping</source>
        <translation>kostenlosen Versand anbieten</translation>
    </message>
    <message>
        <source>apply a coupon to the cart</source>
        <translation>einen Gutschein auf den Warenkorb anwenden</translation>
    </message>
    <message>
        <source>open the cart in the Orders tab</source>
        <translation>den Warenkorb im Reiter Aufträge öffnen</translation>
    </message>
</context>
<context>
    <name>CustomerEditDialog</name>
    <message>
        <source>Edit customer {number}</source>
        <translation>Kunde {number} bearbeiten</translation>
    </message>
    <message>
        <source>the company&apos;s</source>
        <translation>wie die Firma</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>&amp;Phones (one per line)</source>
        <translation>&amp;Telefonnummern (eine je Zeile)</translation>
    </message>
    <message>
        <source>E-&amp;mail</source>
        <translation>&amp;E-Mail</translation>
    </message>
    <message>
        <source>&amp;Billing address</source>
        <translation>&amp;Rechnungsanschrift</translation>
    </message>
    <message>
        <source>&amp;Shipping address</source>
        <translation>&amp;Lieferanschrift</translation>
    </message>
    <message>
        <source>No&amp;tes</source>
        <translation>N&amp;otizen</translation>
    </message>
    <message>
        <source>Documents&apos; l&amp;anguage</source>
        <translation>Sprache der &amp;Dokumente</translation>
    </message>
</context>
<context>
    <name>CustomerMerge</name>
    <message>
        <source>no phone</source>
        <translation>kein Telefon</translation>
    </message>
    <message>
        <source>Merge {duplicate} {duplicate_name} ({duplicate_phones}) into {keep} {keep_name} ({keep_phones})?

The orders, open carts, payments and credit, phones, delivery addresses and coupons of {duplicate_name} go to {keep_name}; {duplicate} is not found any more (its invoices keep naming it). This cannot be undone.</source>
        <translation>{duplicate} {duplicate_name} ({duplicate_phones}) mit {keep} {keep_name} ({keep_phones}) zusammenführen?

Die Aufträge, offenen Warenkörbe, Zahlungen und Guthaben, Telefonnummern, Lieferanschriften und Gutscheine von {duplicate_name} gehen auf {keep_name} über; {duplicate} ist danach nicht mehr zu finden (seine Rechnungen nennen ihn weiterhin). Dies kann nicht rückgängig gemacht werden.</translation>
    </message>
    <message>
        <source>Merge customers</source>
        <translation>Kunden zusammenführen</translation>
    </message>
    <message>
        <source>&amp;Merge into {number}</source>
        <translation>Mit {number} &amp;zusammenführen</translation>
    </message>
</context>
<context>
    <name>CustomerMergeDialog</name>
    <message>
        <source>Merge a duplicate into {number} {name}</source>
        <translation>Ein Duplikat mit {number} {name} zusammenführen</translation>
    </message>
    <message>
        <source>{name} ({number}) is kept. Find the duplicate to merge into them (phone, name, e-mail or customer number), Down and Enter. To keep the other one, pick it first on the Orders tab (F2).</source>
        <translation>{name} ({number}) bleibt erhalten. Suchen Sie das Duplikat, das damit zusammengeführt wird (Telefon, Name, E-Mail oder Kundennummer), dann Ab und Enter. Um den anderen zu behalten, wählen Sie ihn zuerst im Reiter Aufträge (F2).</translation>
    </message>
    <message>
        <source>The duplicate: phone, name, e-mail or customer no.</source>
        <translation>Das Duplikat: Telefon, Name, E-Mail oder Kundennr.</translation>
    </message>
    <message>
        <source>Merge...</source>
        <translation>Zusammenführen...</translation>
    </message>
    <message>
        <source>No other customer matches &apos;{text}&apos;.</source>
        <translation>Kein anderer Kunde passt zu &apos;{text}&apos;.</translation>
    </message>
    <message>
        <source>Find the duplicate first: type its phone, name, e-mail or number.</source>
        <translation>Suchen Sie zuerst das Duplikat: Geben Sie Telefon, Name, E-Mail oder Nummer ein.</translation>
    </message>
</context>
<context>
    <name>DraftsDialog</name>
    <message>
        <source>Open carts</source>
        <translation>Offene Warenkörbe</translation>
    </message>
    <message>
        <source>(no customer)</source>
        <translation>(kein Kunde)</translation>
    </message>
</context>
<context>
    <name>KeyboardHelp</name>
    <message>
        <source>find the caller (phone in any format, name, email, customer no.)</source>
        <translation>den Anrufer suchen (Telefon in jedem Format, Name, E-Mail, Kundennr.)</translation>
    </message>
    <message>
        <source>Up / Down, Enter</source>
        <translation>Auf / Ab, Enter</translation>
    </message>
    <message>
        <source>move in the results, pick</source>
        <translation>in den Ergebnissen bewegen, auswählen</translation>
    </message>
    <message>
        <source>new customer (name, phone, address), Enter saves</source>
        <translation>neuer Kunde (Name, Telefon, Anschrift), Enter speichert</translation>
    </message>
    <message>
        <source>product entry: SKU, barcode, name words; 3*SKU adds three; a scanner just scans</source>
        <translation>Artikeleingabe: SKU, Barcode, Wörter des Namens; 3*SKU fügt drei hinzu; ein Scanner scannt einfach</translation>
    </message>
    <message>
        <source>the lines table: edit quantity, price, discount (F2 / type), Delete removes a line</source>
        <translation>die Positionstabelle: Menge, Preis, Rabatt bearbeiten (F2 / tippen), Entf entfernt eine Position</translation>
    </message>
    <message>
        <source>repeat the caller&apos;s last order</source>
        <translation>den letzten Auftrag des Anrufers wiederholen</translation>
    </message>
    <message>
        <source>confirm: reserve stock, show the tracking number</source>
        <translation>bestätigen: Bestand reservieren, Sendungsnummer anzeigen</translation>
    </message>
    <message>
        <source>pay now (counter): confirm the cart on screen and take its payment, print the receipt</source>
        <translation>jetzt bezahlen (Theke): den angezeigten Warenkorb bestätigen, die Zahlung annehmen, den Kassenbon drucken</translation>
    </message>
    <message>
        <source>open carts (drafts) to pick up again</source>
        <translation>offene Warenkörbe (Entwürfe) wieder aufnehmen</translation>
    </message>
    <message>
        <source>amend a confirmed order (until picking starts): quantities, prices, lines; Ctrl+S saves</source>
        <translation>einen bestätigten Auftrag ändern (bis die Kommissionierung beginnt): Mengen, Preise, Positionen; Strg+S speichert</translation>
    </message>
    <message>
        <source>edit the caller: name, phones, e-mail, addresses, notes</source>
        <translation>den Anrufer bearbeiten: Name, Telefonnummern, E-Mail, Anschriften, Notizen</translation>
    </message>
    <message>
        <source>merge a duplicate into the caller (managers, accountants): orders, payments, phones move</source>
        <translation>ein Duplikat mit dem Anrufer zusammenführen (Manager, Buchhaltung): Aufträge, Zahlungen, Telefonnummern wandern mit</translation>
    </message>
    <message>
        <source>express: the warehouse picks this order first</source>
        <translation>Express: das Lager kommissioniert diesen Auftrag zuerst</translation>
    </message>
    <message>
        <source>park this cart and start a new order</source>
        <translation>diesen Warenkorb parken und einen neuen Auftrag beginnen</translation>
    </message>
    <message>
        <source>find orders: by customer, phone, e-mail, order or tracking number, days; Enter opens one</source>
        <translation>Aufträge suchen: nach Kunde, Telefon, E-Mail, Auftrags- oder Sendungsnummer, Tagen; Enter öffnet einen</translation>
    </message>
    <message>
        <source>show or hide the live activity panel</source>
        <translation>die Live-Aktivität ein- oder ausblenden</translation>
    </message>
    <message>
        <source>this help</source>
        <translation>diese Hilfe</translation>
    </message>
    <message>
        <source>switch tabs</source>
        <translation>Reiter wechseln</translation>
    </message>
    <message>
        <source>switch tabs; {letters}</source>
        <translation>Reiter wechseln; {letters}</translation>
    </message>
</context>
<context>
    <name>KeyboardHelpDialog</name>
    <message>
        <source>Keyboard map</source>
        <translation>Tastaturbelegung</translation>
    </message>
</context>
<context>
    <name>LinesModel</name>
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
        <source>Unit price</source>
        <translation>Einzelpreis</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>Rabatt</translation>
    </message>
    <message>
        <source>Tax</source>
        <translation>Steuer</translation>
    </message>
    <message>
        <source>Line total (gross)</source>
        <translation>Positionssumme (brutto)</translation>
    </message>
    <message>
        <source>Available</source>
        <translation>Verfügbar</translation>
    </message>
    <message>
        <source>Unit price (gross)</source>
        <translation>Einzelpreis (brutto)</translation>
    </message>
    <message>
        <source>Unit price (net)</source>
        <translation>Einzelpreis (netto)</translation>
    </message>
    <message>
        <source>Only {count} of {sku} available</source>
        <translation>Nur {count} von {sku} verfügbar</translation>
    </message>
    <message>
        <source>Changed on another workstation: {change}</source>
        <translation>An einem anderen Arbeitsplatz geändert: {change}</translation>
    </message>
</context>
<context>
    <name>OfferDialog</name>
    <message>
        <source>Offer on {number}</source>
        <translation>Angebot für {number}</translation>
    </message>
    <message>
        <source>a customer without a name yet</source>
        <translation>einen Kunden noch ohne Namen</translation>
    </message>
    <message>
        <source>&lt;b&gt;{number}&lt;/b&gt; for &lt;b&gt;{customer}&lt;/b&gt;: {items} items, {value} now</source>
        <translation>&lt;b&gt;{number}&lt;/b&gt; für &lt;b&gt;{customer}&lt;/b&gt;: {items} Artikel, jetzt {value}</translation>
    </message>
    <message>
        <source>&amp;Percent off</source>
        <translation>&amp;Prozentrabatt</translation>
    </message>
    <message>
        <source>&amp;Amount off ({currency})</source>
        <translation>Betr&amp;agsrabatt ({currency})</translation>
    </message>
    <message>
        <source>Free &amp;shipping</source>
        <translation>Kostenloser Ver&amp;sand</translation>
    </message>
    <message>
        <source>&amp;Coupon</source>
        <translation>&amp;Gutschein</translation>
    </message>
    <message>
        <source>why (the audit keeps it): e.g. asked for a better price</source>
        <translation>warum (das Protokoll hält es fest): z. B. nach besserem Preis gefragt</translation>
    </message>
    <message>
        <source>No&amp;te</source>
        <translation>No&amp;tiz</translation>
    </message>
    <message>
        <source>For the &amp;next order (a single-use coupon; this cart&apos;s price stays)</source>
        <translation>Für den &amp;nächsten Auftrag (ein Gutschein zur einmaligen Nutzung; der Preis dieses Warenkorbs bleibt)</translation>
    </message>
    <message>
        <source>You may offer up to {limit} of this cart&apos;s goods, all offers on it together.</source>
        <translation>Sie dürfen bis zu {limit} der Waren dieses Warenkorbs anbieten, alle Angebote darauf zusammen.</translation>
    </message>
    <message>
        <source>&amp;Offer (Enter)</source>
        <translation>Anbi&amp;eten (Enter)</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>Abbrechen (Esc)</translation>
    </message>
    <message>
        <source>Percent off</source>
        <translation>Prozentrabatt</translation>
    </message>
    <message>
        <source>Amount off ({currency})</source>
        <translation>Betragsrabatt ({currency})</translation>
    </message>
    <message>
        <source>Free shipping</source>
        <translation>Kostenloser Versand</translation>
    </message>
    <message>
        <source>Coupon code</source>
        <translation>Gutscheincode</translation>
    </message>
    <message>
        <source>e.g. 10 (%)</source>
        <translation>z. B. 10 (%)</translation>
    </message>
    <message>
        <source>e.g. 5.00</source>
        <translation>z. B. 5,00</translation>
    </message>
    <message>
        <source>nothing to type</source>
        <translation>nichts einzugeben</translation>
    </message>
    <message>
        <source>the code, e.g. SPRING10</source>
        <translation>der Code, z. B. SPRING10</translation>
    </message>
    <message>
        <source> Enter offers it on the cart as it is now.</source>
        <translation> Enter bietet es für den Warenkorb in seinem jetzigen Stand an.</translation>
    </message>
</context>
<context>
    <name>OrderEntryTab</name>
    <message>
        <source>&apos;{text}&apos; finds {matches} products: pick one with Down, then Enter (or type more of it).</source>
        <translation>&apos;{text}&apos; findet {matches} Artikel: Wählen Sie einen mit Ab, dann Enter (oder tippen Sie mehr davon).</translation>
    </message>
    <message>
        <source>Customer (F2)</source>
        <translation>Kunde (F2)</translation>
    </message>
    <message>
        <source>Phone (any format), name, email or customer no.</source>
        <translation>Telefon (jedes Format), Name, E-Mail oder Kundennr.</translation>
    </message>
    <message>
        <source>New customer (Ctrl+N)</source>
        <translation>Neuer Kunde (Strg+N)</translation>
    </message>
    <message>
        <source>&amp;Repeat last order (Ctrl+R)</source>
        <translation>Letzten Auftrag &amp;wiederholen (Strg+R)</translation>
    </message>
    <message>
        <source>Merge...</source>
        <translation>Zusammenführen...</translation>
    </message>
    <message>
        <source>Merge a duplicate into the customer shown: orders, carts, payments, phones (Ctrl+Shift+M)</source>
        <translation>Ein Duplikat mit dem angezeigten Kunden zusammenführen: Aufträge, Warenkörbe, Zahlungen, Telefonnummern (Strg+Umschalt+M)</translation>
    </message>
    <message>
        <source>Recent orders:</source>
        <translation>Letzte Aufträge:</translation>
    </message>
    <message>
        <source>New customer (Enter saves, Esc cancels)</source>
        <translation>Neuer Kunde (Enter speichert, Esc bricht ab)</translation>
    </message>
    <message>
        <source>Street, postcode city (commas become line breaks)</source>
        <translation>Straße, PLZ Ort (Kommas werden Zeilenumbrüche)</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>Na&amp;me</translation>
    </message>
    <message>
        <source>&amp;Phone</source>
        <translation>&amp;Telefon</translation>
    </message>
    <message>
        <source>E&amp;mail</source>
        <translation>&amp;E-Mail</translation>
    </message>
    <message>
        <source>Pos&amp;tal address</source>
        <translation>&amp;Postanschrift</translation>
    </message>
    <message>
        <source>Add products (F3)</source>
        <translation>Artikel hinzufügen (F3)</translation>
    </message>
    <message>
        <source>SKU, barcode or name; 3*SKU adds three; scan with the scanner</source>
        <translation>SKU, Barcode oder Name; 3*SKU fügt drei hinzu; mit dem Scanner scannen</translation>
    </message>
    <message>
        <source>Channe&amp;l</source>
        <translation>Ka&amp;nal</translation>
    </message>
    <message>
        <source>Open carts (Ctrl+O)</source>
        <translation>Offene Warenkörbe (Strg+O)</translation>
    </message>
    <message>
        <source>Am&amp;end order... (Ctrl+E)</source>
        <translation>Auft&amp;rag ändern... (Strg+E)</translation>
    </message>
    <message>
        <source>Change a confirmed order until picking starts: lines, quantities, prices</source>
        <translation>Einen bestätigten Auftrag ändern, bis die Kommissionierung beginnt: Positionen, Mengen, Preise</translation>
    </message>
    <message>
        <source>Co&amp;upon</source>
        <translation>&amp;Gutschein</translation>
    </message>
    <message>
        <source>code, Enter applies</source>
        <translation>Code, Enter wendet an</translation>
    </message>
    <message>
        <source>Shippin&amp;g</source>
        <translation>&amp;Versand</translation>
    </message>
    <message>
        <source>none (collected)</source>
        <translation>keiner (Abholung)</translation>
    </message>
    <message>
        <source>&amp;Deliver to...</source>
        <translation>Lieferans&amp;chrift...</translation>
    </message>
    <message>
        <source>E&amp;xpress</source>
        <translation>E&amp;xpress</translation>
    </message>
    <message>
        <source>The warehouse picks express orders first</source>
        <translation>Das Lager kommissioniert Expressaufträge zuerst</translation>
    </message>
    <message>
        <source>&amp;Confirm (Ctrl+Enter)</source>
        <translation>Bestät&amp;igen (Strg+Enter)</translation>
    </message>
    <message>
        <source>Pay now (Ctrl+P)</source>
        <translation>Jetzt bezahlen (Strg+P)</translation>
    </message>
    <message>
        <source>Confirms the cart on screen and takes its payment</source>
        <translation>Bestätigt den angezeigten Warenkorb und nimmt die Zahlung an</translation>
    </message>
    <message>
        <source>close the new-customer form, clear the results, hide the offer</source>
        <translation>das Neukunden-Formular schließen, die Ergebnisse leeren, das Angebot ausblenden</translation>
    </message>
    <message>
        <source>remove the selected line (in the lines table)</source>
        <translation>die ausgewählte Position entfernen (in der Positionstabelle)</translation>
    </message>
    <message>
        <source>Up / Down, Enter</source>
        <translation>Auf / Ab, Enter</translation>
    </message>
    <message>
        <source>move in the results, pick</source>
        <translation>in den Ergebnissen bewegen, auswählen</translation>
    </message>
    <message>
        <source>No customer matches &apos;{text}&apos;. Ctrl+N creates one.</source>
        <translation>Kein Kunde passt zu &apos;{text}&apos;. Strg+N legt einen an.</translation>
    </message>
    <message>
        <source>Note: {notes}</source>
        <translation>Notiz: {notes}</translation>
    </message>
    <message>
        <source>Open balance: {amount}</source>
        <translation>Offener Saldo: {amount}</translation>
    </message>
    <message>
        <source>Credit: {amount}</source>
        <translation>Guthaben: {amount}</translation>
    </message>
    <message>
        <source>Open balance: none</source>
        <translation>Offener Saldo: keiner</translation>
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
        <source>Customer {name} ({number}) created.</source>
        <translation>Kunde {name} ({number}) angelegt.</translation>
    </message>
    <message>
        <source>Pick a customer first (F2), then Ctrl+Shift+E edits them.</source>
        <translation>Wählen Sie zuerst einen Kunden (F2), dann bearbeitet Strg+Umschalt+E ihn.</translation>
    </message>
    <message>
        <source>Customer {name} ({number}) saved.</source>
        <translation>Kunde {name} ({number}) gespeichert.</translation>
    </message>
    <message>
        <source>Not saved: {reason}</source>
        <translation>Nicht gespeichert: {reason}</translation>
    </message>
    <message>
        <source>Merging customers needs a manager or an accountant (you are {role}).</source>
        <translation>Kunden zusammenführen darf ein Manager oder die Buchhaltung (Sie sind {role}).</translation>
    </message>
    <message>
        <source>Pick the customer to keep first (F2), then Ctrl+Shift+M finds the duplicate.</source>
        <translation>Wählen Sie zuerst den Kunden, der bleibt (F2), dann sucht Strg+Umschalt+M das Duplikat.</translation>
    </message>
    <message>
        <source>Merged {duplicate} ({duplicate_name}) into {kept} ({kept_name}): {orders} order(s), {carts} cart(s), {payments} payment(s) moved.</source>
        <translation>{duplicate} ({duplicate_name}) mit {kept} ({kept_name}) zusammengeführt: {orders} Auftrag/Aufträge, {carts} Warenkorb/Warenkörbe, {payments} Zahlung(en) übertragen.</translation>
    </message>
    <message>
        <source>Not merged: {reason}</source>
        <translation>Nicht zusammengeführt: {reason}</translation>
    </message>
    <message>
        <source>Pick a customer with earlier orders first (F2).</source>
        <translation>Wählen Sie zuerst einen Kunden mit früheren Aufträgen (F2).</translation>
    </message>
    <message>
        <source>This cart has lines already; Ctrl+Shift+N parks it, then repeat.</source>
        <translation>Dieser Warenkorb hat schon Positionen; Strg+Umschalt+N parkt ihn, dann wiederholen.</translation>
    </message>
    <message>
        <source>Copied the lines of {number}.</source>
        <translation>Die Positionen von {number} übernommen.</translation>
    </message>
    <message>
        <source>{count} available</source>
        <translation>{count} verfügbar</translation>
    </message>
    <message>
        <source>Unknown SKU or barcode &apos;{code}&apos;: nothing in the catalog matches.</source>
        <translation>Unbekannte SKU oder unbekannter Barcode &apos;{code}&apos;: nichts im Katalog passt.</translation>
    </message>
    <message>
        <source> - only {count} available!</source>
        <translation> - nur {count} verfügbar!</translation>
    </message>
    <message>
        <source>The total changed from {was} to {now}. </source>
        <translation>Die Summe hat sich von {was} auf {now} geändert. </translation>
    </message>
    <message>
        <source>Not confirmed: {reason} {changed}Look at the cart: Ctrl+Enter confirms it as it is shown now.</source>
        <translation>Nicht bestätigt: {reason} {changed}Prüfen Sie den Warenkorb: Strg+Enter bestätigt ihn so, wie er jetzt angezeigt wird.</translation>
    </message>
    <message>
        <source>{reason} Nothing of yours was saved; the cart is shown as it is now (changes marked).</source>
        <translation>{reason} Von Ihren Änderungen wurde nichts gespeichert; der Warenkorb wird im jetzigen Stand angezeigt (Änderungen markiert).</translation>
    </message>
    <message>
        <source>{number} was {status} on another workstation.</source>
        <translation>{number} wurde an einem anderen Arbeitsplatz auf {status} gesetzt.</translation>
    </message>
    <message>
        <source>{who} made the caller an offer: read it out (above). Ctrl+Enter confirms with it.</source>
        <translation>{who} hat dem Anrufer ein Angebot gemacht: Lesen Sie es vor (oben). Strg+Enter bestätigt mit dem Angebot.</translation>
    </message>
    <message>
        <source>A manager</source>
        <translation>Ein Manager</translation>
    </message>
    <message>
        <source>{who} changed {number}: {change} (marked).</source>
        <translation>{who} hat {number} geändert: {change} (markiert).</translation>
    </message>
    <message>
        <source>{who} changed {number}: {change}.</source>
        <translation>{who} hat {number} geändert: {change}.</translation>
    </message>
    <message>
        <source>Someone</source>
        <translation>Jemand</translation>
    </message>
    <message>
        <source>New order: the cart is saved as soon as the first line is added.</source>
        <translation>Neuer Auftrag: Der Warenkorb wird gespeichert, sobald die erste Position hinzugefügt ist.</translation>
    </message>
    <message>
        <source>  EXPRESS</source>
        <translation>  EXPRESS</translation>
    </message>
    <message>
        <source>  - saved</source>
        <translation>  - gespeichert</translation>
    </message>
    <message>
        <source>Goods {amount}</source>
        <translation>Waren {amount}</translation>
    </message>
    <message>
        <source>Net {amount}</source>
        <translation>Netto {amount}</translation>
    </message>
    <message>
        <source>Tax {rate} {amount}</source>
        <translation>Steuer {rate} {amount}</translation>
    </message>
    <message>
        <source>Total {amount}</source>
        <translation>Summe {amount}</translation>
    </message>
    <message>
        <source>Short before confirm: {lines}</source>
        <translation>Fehlmenge vor dem Bestätigen: {lines}</translation>
    </message>
    <message>
        <source>{sku} ({count} available)</source>
        <translation>{sku} ({count} verfügbar)</translation>
    </message>
    <message>
        <source>No longer in the cart: {lines}.</source>
        <translation>Nicht mehr im Warenkorb: {lines}.</translation>
    </message>
    <message>
        <source>to {place}</source>
        <translation>nach {place}</translation>
    </message>
    <message>
        <source>No customer yet: type a phone number, name or email (F2), or Ctrl+N.</source>
        <translation>Noch kein Kunde: Geben Sie Telefonnummer, Name oder E-Mail ein (F2) oder Strg+N.</translation>
    </message>
    <message>
        <source>Nothing to confirm: add products first (F3).</source>
        <translation>Nichts zu bestätigen: Fügen Sie zuerst Artikel hinzu (F3).</translation>
    </message>
    <message>
        <source>{number} confirmed, tracking number {tracking}.</source>
        <translation>{number} bestätigt, Sendungsnummer {tracking}.</translation>
    </message>
    <message>
        <source> Backorder (waits for goods): {lines}</source>
        <translation> Nachlieferung (wartet auf Ware): {lines}</translation>
    </message>
    <message>
        <source>{number} is express: picked first.</source>
        <translation>{number} ist Express: wird zuerst kommissioniert.</translation>
    </message>
    <message>
        <source>{number} is not express.</source>
        <translation>{number} ist kein Express.</translation>
    </message>
    <message>
        <source>Amend an order</source>
        <translation>Einen Auftrag ändern</translation>
    </message>
    <message>
        <source>Order number or tracking number:</source>
        <translation>Auftrags- oder Sendungsnummer:</translation>
    </message>
    <message>
        <source>{number} is {status}; only a confirmed order can be amended before picking starts.</source>
        <translation>{number} ist {status}; nur ein bestätigter Auftrag kann vor Beginn der Kommissionierung geändert werden.</translation>
    </message>
    <message>
        <source>{number} amended: {lines}; total {total}.</source>
        <translation>{number} geändert: {lines}; Summe {total}.</translation>
    </message>
    <message>
        <source>Not saved.</source>
        <translation>Nicht gespeichert.</translation>
    </message>
    <message>
        <source>Nothing to pay: add products first (F3).</source>
        <translation>Nichts zu bezahlen: Fügen Sie zuerst Artikel hinzu (F3).</translation>
    </message>
    <message>
        <source>Nothing to pay: add products (F3), then Ctrl+P confirms and takes the payment.</source>
        <translation>Nichts zu bezahlen: Fügen Sie Artikel hinzu (F3), dann bestätigt Strg+P und nimmt die Zahlung an.</translation>
    </message>
    <message>
        <source>Quantities reduced to what is available; Ctrl+Enter confirms.</source>
        <translation>Mengen auf das Verfügbare reduziert; Strg+Enter bestätigt.</translation>
    </message>
    <message>
        <source>Short lines removed; Ctrl+Enter confirms.</source>
        <translation>Fehlende Positionen entfernt; Strg+Enter bestätigt.</translation>
    </message>
    <message>
        <source>{number} parked as an open cart (Ctrl+O).</source>
        <translation>{number} als offener Warenkorb geparkt (Strg+O).</translation>
    </message>
    <message>
        <source>No open carts.</source>
        <translation>Keine offenen Warenkörbe.</translation>
    </message>
    <message>
        <source>Open carts: {count} (Ctrl+O)</source>
        <translation>Offene Warenkörbe: {count} (Strg+O)</translation>
    </message>
    <message>
        <source>Add a product first: a coupon goes on a cart.</source>
        <translation>Fügen Sie zuerst einen Artikel hinzu: Ein Gutschein gilt für einen Warenkorb.</translation>
    </message>
    <message>
        <source>Coupon {code} applied: total {total}.</source>
        <translation>Gutschein {code} angewendet: Summe {total}.</translation>
    </message>
    <message>
        <source>Coupon taken off: total {total}.</source>
        <translation>Gutschein entfernt: Summe {total}.</translation>
    </message>
    <message>
        <source>Coupon not applied: {reason}</source>
        <translation>Gutschein nicht angewendet: {reason}</translation>
    </message>
    <message>
        <source>Add a product first: the delivery address goes on a cart.</source>
        <translation>Fügen Sie zuerst einen Artikel hinzu: Die Lieferanschrift gehört zu einem Warenkorb.</translation>
    </message>
    <message>
        <source>Deliver to: {address}</source>
        <translation>Liefern an: {address}</translation>
    </message>
    <message>
        <source>Shipping: {method}; total {total}.</source>
        <translation>Versand: {method}; Summe {total}.</translation>
    </message>
</context>
<context>
    <name>ShipToDialog</name>
    <message>
        <source>Deliver {number} to</source>
        <translation>{number} liefern an</translation>
    </message>
    <message>
        <source>Recipient
Street and number
ZIP town
Country</source>
        <translation>Empfänger
Straße und Hausnummer
PLZ Ort
Land</translation>
    </message>
    <message>
        <source>The customer&apos;s address: {address}</source>
        <translation>Die Anschrift des Kunden: {address}</translation>
    </message>
    <message>
        <source>(none kept)</source>
        <translation>(keine hinterlegt)</translation>
    </message>
    <message>
        <source>Another address (type it below)</source>
        <translation>Andere Anschrift (unten eingeben)</translation>
    </message>
    <message>
        <source>&amp;Deliver to:</source>
        <translation>&amp;Liefern an:</translation>
    </message>
    <message>
        <source>&amp;Address (recipient first):</source>
        <translation>&amp;Anschrift (Empfänger zuerst):</translation>
    </message>
</context>
<context>
    <name>ShortageDialog</name>
    <message>
        <source>Not enough stock</source>
        <translation>Nicht genug Bestand</translation>
    </message>
    <message>
        <source>Nothing was reserved. These lines ask for more than is available:</source>
        <translation>Nichts wurde reserviert. Diese Positionen verlangen mehr, als verfügbar ist:</translation>
    </message>
    <message>
        <source>{sku}: ordered {ordered}, available {available}</source>
        <translation>{sku}: bestellt {ordered}, verfügbar {available}</translation>
    </message>
    <message>
        <source>&amp;Reduce to available</source>
        <translation>Auf Verfügbares &amp;reduzieren</translation>
    </message>
    <message>
        <source>Re&amp;move short lines</source>
        <translation>Fehlende Positionen &amp;entfernen</translation>
    </message>
    <message>
        <source>Allow back&amp;order: confirm, the rest waits for goods</source>
        <translation>&amp;Nachlieferung erlauben: bestätigen, der Rest wartet auf Ware</translation>
    </message>
    <message>
        <source>&amp;Keep editing</source>
        <translation>&amp;Weiter bearbeiten</translation>
    </message>
</context>
<context>
    <name>TrackingDialog</name>
    <message>
        <source>{number} confirmed</source>
        <translation>{number} bestätigt</translation>
    </message>
    <message>
        <source>{number} for {customer} is confirmed: {total}. Tracking number:</source>
        <translation>{number} für {customer} ist bestätigt: {total}. Sendungsnummer:</translation>
    </message>
    <message>
        <source>walk-in customer</source>
        <translation>Laufkunde</translation>
    </message>
    <message>
        <source>Read out: {spelled}</source>
        <translation>Vorlesen: {spelled}</translation>
    </message>
    <message>
        <source>&amp;Copy (Ctrl+C)</source>
        <translation>&amp;Kopieren (Strg+C)</translation>
    </message>
    <message>
        <source>Next caller (Enter)</source>
        <translation>Nächster Anrufer (Enter)</translation>
    </message>
</context>
</TS>
