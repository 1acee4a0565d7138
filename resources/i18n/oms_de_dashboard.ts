<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>ChartPanel</name>
    <message>
        <source>{title}: Ctrl+S saves it as PNG, Ctrl+E its data as CSV (or the context menu)</source>
        <translation>{title}: Strg+S speichert es als PNG, Strg+E seine Daten als CSV (oder das Kontextmenü)</translation>
    </message>
    <message>
        <source>Save chart as PNG</source>
        <translation>Diagramm als PNG speichern</translation>
    </message>
    <message>
        <source>Save chart data as CSV</source>
        <translation>Diagrammdaten als CSV speichern</translation>
    </message>
</context>
<context>
    <name>Charts</name>
    <message>
        <source>Net revenue</source>
        <translation>Nettoumsatz</translation>
    </message>
    <message>
        <source>Orders (right)</source>
        <translation>Aufträge (rechts)</translation>
    </message>
    <message>
        <source>Forecast ({model})</source>
        <translation>Prognose ({model})</translation>
    </message>
    <message>
        <source>Forecast</source>
        <translation>Prognose</translation>
    </message>
    <message>
        <source>{level} % interval</source>
        <translation>{level}-%-Intervall</translation>
    </message>
    <message>
        <source>interval</source>
        <translation>Intervall</translation>
    </message>
    <message>
        <source>Ctrl+S saves the chart as PNG, Ctrl+E its data as CSV</source>
        <translation>Strg+S speichert das Diagramm als PNG, Strg+E seine Daten als CSV</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <source>new</source>
        <translation>neu</translation>
    </message>
    <message>
        <source>&lt;b&gt;{count}&lt;/b&gt; open cart worth {value}</source>
        <translation>&lt;b&gt;{count}&lt;/b&gt; offener Warenkorb im Wert von {value}</translation>
    </message>
    <message>
        <source>&lt;b&gt;{count}&lt;/b&gt; open carts worth {value}</source>
        <translation>&lt;b&gt;{count}&lt;/b&gt; offene Warenkörbe im Wert von {value}</translation>
    </message>
    <message>
        <source>{carts}, &lt;b&gt;{at_risk}&lt;/b&gt; at risk (idle over {minutes} min).&lt;br&gt;Conversion, last {days} days: &lt;b&gt;{rate}&lt;/b&gt; ({confirmed} of {created} carts confirmed, {abandoned} abandoned, {open} open)</source>
        <translation>{carts}, &lt;b&gt;{at_risk}&lt;/b&gt; gefährdet (über {minutes} min untätig).&lt;br&gt;Konversion, letzte {days} Tage: &lt;b&gt;{rate}&lt;/b&gt; ({confirmed} von {created} Warenkörben bestätigt, {abandoned} aufgegeben, {open} offen)</translation>
    </message>
    <message>
        <source>walk-in</source>
        <translation>Laufkunde</translation>
    </message>
</context>
<context>
    <name>DashboardExport</name>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG-Bilder (*.png)</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>Save chart as &amp;PNG...</source>
        <translation>Diagramm als &amp;PNG speichern...</translation>
    </message>
    <message>
        <source>Save data as &amp;CSV...</source>
        <translation>Daten als &amp;CSV speichern...</translation>
    </message>
</context>
<context>
    <name>DashboardTab</name>
    <message>
        <source>Forecasts are not available</source>
        <translation>Prognosen sind nicht verfügbar</translation>
    </message>
    <message>
        <source>Net revenue and orders by day</source>
        <translation>Nettoumsatz und Aufträge je Tag</translation>
    </message>
    <message>
        <source>Top products, last 28 days (net revenue)</source>
        <translation>Top-Artikel, letzte 28 Tage (Nettoumsatz)</translation>
    </message>
    <message>
        <source>Products at risk of a stock-out</source>
        <translation>Artikel mit drohendem Fehlbestand</translation>
    </message>
    <message>
        <source>Carts at risk and conversion</source>
        <translation>Gefährdete Warenkörbe und Konversion</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Überblick</translation>
    </message>
    <message>
        <source>Sales report</source>
        <translation>Umsatzbericht</translation>
    </message>
    <message>
        <source>Sales by day, week, month, channel, category, product, agent or customer beside a year before (Ctrl+PgDn / Ctrl+PgUp switch pages)</source>
        <translation>Umsatz nach Tag, Woche, Monat, Kanal, Kategorie, Artikel, Agent oder Kunde neben dem Vorjahr (Strg+Bild ab / Strg+Bild auf wechseln die Seite)</translation>
    </message>
    <message>
        <source>Loading...</source>
        <translation>Wird geladen...</translation>
    </message>
    <message>
        <source>{not_available}: the projected stock-outs show here once they are.</source>
        <translation>{not_available}: die erwarteten Fehlbestände erscheinen hier, sobald sie es sind.</translation>
    </message>
    <message>
        <source>the sales report</source>
        <translation>der Umsatzbericht</translation>
    </message>
    <message>
        <source>the overview</source>
        <translation>der Überblick</translation>
    </message>
    <message>
        <source>No cart is at risk.</source>
        <translation>Kein Warenkorb ist gefährdet.</translation>
    </message>
    <message>
        <source>Updated {time}; live as orders arrive.  F5 refresh  ·  Tab next panel  ·  Ctrl+S chart as PNG  ·  Ctrl+E data as CSV  ·  Ctrl+PgDn sales report</source>
        <translation>Aktualisiert {time}; live, sobald Aufträge eingehen.  F5 aktualisieren  ·  Tab nächster Bereich  ·  Strg+S Diagramm als PNG  ·  Strg+E Daten als CSV  ·  Strg+Bild ab Umsatzbericht</translation>
    </message>
    <message>
        <source>&lt;b&gt;{title}&lt;/b&gt;, forecast {model}: MASE {mase} (seasonal naive {naive}), sMAPE {smape} % over {origins} back-tests</source>
        <translation>&lt;b&gt;{title}&lt;/b&gt;, Prognose {model}: MASE {mase} (saisonal naiv {naive}), sMAPE {smape} % über {origins} Rückwärtstests</translation>
    </message>
    <message>
        <source>&lt;b&gt;{title}&lt;/b&gt; (no forecast: {note})</source>
        <translation>&lt;b&gt;{title}&lt;/b&gt; (keine Prognose: {note})</translation>
    </message>
    <message>
        <source>No product is projected to run out soon.</source>
        <translation>Für keinen Artikel wird bald ein Fehlbestand erwartet.</translation>
    </message>
    <message>
        <source>next / previous panel</source>
        <translation>nächster / vorheriger Bereich</translation>
    </message>
    <message>
        <source>save the chart in focus as PNG</source>
        <translation>das Diagramm im Fokus als PNG speichern</translation>
    </message>
    <message>
        <source>save the data of the chart or table in focus as CSV</source>
        <translation>die Daten des Diagramms oder der Tabelle im Fokus als CSV speichern</translation>
    </message>
    <message>
        <source>the chart&apos;s or table&apos;s export menu</source>
        <translation>das Exportmenü des Diagramms oder der Tabelle</translation>
    </message>
</context>
<context>
    <name>SalesReportView</name>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>Stück</translation>
    </message>
    <message>
        <source>Net</source>
        <translation>Netto</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>Aufträge</translation>
    </message>
    <message>
        <source>AOV</source>
        <translation>Ø Auftrag</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>Retourniert</translation>
    </message>
    <message>
        <source>Returns
rate</source>
        <translation>Retouren-
quote</translation>
    </message>
    <message>
        <source>Net a
year before</source>
        <translation>Netto
Vorjahr</translation>
    </message>
    <message>
        <source>Orders a
year before</source>
        <translation>Aufträge
Vorjahr</translation>
    </message>
    <message>
        <source>Net
change</source>
        <translation>Netto-
änderung</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Net change</source>
        <translation>Nettoänderung</translation>
    </message>
    <message>
        <source>day</source>
        <extracomment>what the grouping list shows for each of SALES_BY (the code goes to the service)</extracomment>
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
        <source>channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <source>category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <source>product</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <source>agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>B&amp;y</source>
        <translation>Gruppieren &amp;nach</translation>
    </message>
    <message>
        <source>Fro&amp;m</source>
        <translation>&amp;Von</translation>
    </message>
    <message>
        <source>&amp;To</source>
        <translation>B&amp;is</translation>
    </message>
    <message>
        <source>&amp;Run (Enter)</source>
        <translation>Aus&amp;führen (Enter)</translation>
    </message>
    <message>
        <source>E&amp;xport CSV ({keys})</source>
        <translation>CSV e&amp;xportieren ({keys})</translation>
    </message>
    <message>
        <source>&lt;b&gt;Top products&lt;/b&gt; (most net revenue)</source>
        <translation>&lt;b&gt;Top-Artikel&lt;/b&gt; (höchster Nettoumsatz)</translation>
    </message>
    <message>
        <source>run the report (in its fields)</source>
        <translation>den Bericht ausführen (in seinen Feldern)</translation>
    </message>
    <message>
        <source>save the report as CSV</source>
        <translation>den Bericht als CSV speichern</translation>
    </message>
    <message>
        <source>Running the report by {by} from {start} to {end}...</source>
        <translation>Der Bericht nach {by} von {start} bis {end} wird ausgeführt...</translation>
    </message>
    <message>
        <source>total</source>
        <translation>Summe</translation>
    </message>
    <message>
        <source>By {by}, {start} to {end} beside {last_year_start} to {last_year_end}: {orders} orders, net {net} {currency} ({change} on a year before), {units} units, returns {returns}.</source>
        <translation>Nach {by}, {start} bis {end} neben {last_year_start} bis {last_year_end}: {orders} Aufträge, netto {net} {currency} ({change} zum Vorjahr), {units} Stück, Retouren {returns}.</translation>
    </message>
    <message>
        <source>Run the report first (Enter), then export it.</source>
        <translation>Führen Sie den Bericht zuerst aus (Enter), dann exportieren Sie ihn.</translation>
    </message>
    <message>
        <source>Save sales report as CSV</source>
        <translation>Umsatzbericht als CSV speichern</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>{path} gespeichert</translation>
    </message>
</context>
<context>
    <name>TablePanel</name>
    <message>
        <source>Save table as CSV</source>
        <translation>Tabelle als CSV speichern</translation>
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
        <source>Available</source>
        <translation>Verfügbar</translation>
    </message>
    <message>
        <source>On order</source>
        <translation>Bestellt</translation>
    </message>
    <message>
        <source>Per day</source>
        <translation>Je Tag</translation>
    </message>
    <message>
        <source>Days of cover</source>
        <translation>Reichweite (Tage)</translation>
    </message>
    <message>
        <source>Out on</source>
        <translation>Leer am</translation>
    </message>
    <message>
        <source>With orders</source>
        <translation>Mit Bestellungen</translation>
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
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Idle</source>
        <translation>Untätig</translation>
    </message>
</context>
<context>
    <name>Tile</name>
    <message>
        <source>All channels</source>
        <translation>Alle Kanäle</translation>
    </message>
    <message>
        <source>{count} order</source>
        <translation>{count} Auftrag</translation>
    </message>
    <message>
        <source>{count} orders</source>
        <translation>{count} Aufträge</translation>
    </message>
    <message>
        <source>AOV</source>
        <translation>Ø</translation>
    </message>
    <message>
        <source>last {weekday} up to {time}</source>
        <translation>letzten {weekday} bis {time}</translation>
    </message>
    <message>
        <source>last {weekday}</source>
        <translation>letzten {weekday}</translation>
    </message>
    <message>
        <source>{title}: {orders} orders {orders_change} ({orders_before} {when}), net {net} {net_change} ({net_before}), average {average} {average_change} ({average_before})</source>
        <translation>{title}: {orders} Aufträge {orders_change} ({orders_before} {when}), netto {net} {net_change} ({net_before}), Durchschnitt {average} {average_change} ({average_before})</translation>
    </message>
</context>
<context>
    <name>TilesPanel</name>
    <message>
        <source>&lt;b&gt;Today&lt;/b&gt;&lt;br&gt;Loading...</source>
        <translation>&lt;b&gt;Heute&lt;/b&gt;&lt;br&gt;Wird geladen...</translation>
    </message>
    <message>
        <source>&lt;b&gt;Today&lt;/b&gt;&lt;br&gt;{today}&lt;br&gt;&lt;span style=&apos;color:{muted}&apos;&gt;vs {weekday} {day} to {time}&lt;/span&gt;</source>
        <translation>&lt;b&gt;Heute&lt;/b&gt;&lt;br&gt;{today}&lt;br&gt;&lt;span style=&apos;color:{muted}&apos;&gt;ggü. {weekday} {day} bis {time}&lt;/span&gt;</translation>
    </message>
    <message>
        <source>Today so far against {weekday} {day} from midnight up to {time}, the same time of day</source>
        <translation>Heute bisher gegenüber {weekday} {day} von Mitternacht bis {time}, zur selben Tageszeit</translation>
    </message>
</context>
</TS>
