<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="sv" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Intake dock</source>
        <translation>Om Intake dock</translation>
    </message>
    <message>
        <source>Intake dock</source>
        <translation>Intake dock</translation>
    </message>
    <message>
        <source>Version {version}</source>
        <translation>Version {version}</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>Station</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Databas</translation>
    </message>
    <message>
        <source>Built with</source>
        <translation>Byggd med</translation>
    </message>
</context>
<context>
    <name>Actions</name>
    <message>
        <source>Orders</source>
        <translation>Återtag</translation>
    </message>
    <message>
        <source>Choose the order to receive</source>
        <translation>Välj återtaget som ska tas emot</translation>
    </message>
    <message>
        <source>Receiving</source>
        <translation>Mottagning</translation>
    </message>
    <message>
        <source>Scan units of the current order</source>
        <translation>Skanna enheter för det aktuella återtaget</translation>
    </message>
    <message>
        <source>New pallet</source>
        <translation>Ny pall</translation>
    </message>
    <message>
        <source>Open a new pallet with our own pallet id</source>
        <translation>Öppna en ny pall med eget pall-id</translation>
    </message>
    <message>
        <source>Close pallet</source>
        <translation>Stäng pall</translation>
    </message>
    <message>
        <source>Close the current pallet with its weight</source>
        <translation>Stäng den aktuella pallen med dess vikt</translation>
    </message>
    <message>
        <source>Pallet label</source>
        <translation>Pallettikett</translation>
    </message>
    <message>
        <source>Print the current pallet&apos;s label again</source>
        <translation>Skriv ut den aktuella pallens etikett igen</translation>
    </message>
    <message>
        <source>Reconcile</source>
        <translation>Stäm av</translation>
    </message>
    <message>
        <source>Expected against received; sign off</source>
        <translation>Förväntat mot mottaget; signera</translation>
    </message>
    <message>
        <source>Import list</source>
        <translation>Importera lista</translation>
    </message>
    <message>
        <source>Import a customer&apos;s expected list into an order</source>
        <translation>Importera en kunds förväntade lista till ett återtag</translation>
    </message>
    <message>
        <source>Scanner check</source>
        <translation>Skannerkontroll</translation>
    </message>
    <message>
        <source>Check the scanner&apos;s set-up with the test sheet</source>
        <translation>Kontrollera skannerns inställningar med testbladet</translation>
    </message>
    <message>
        <source>Print queue</source>
        <translation>Utskriftskö</translation>
    </message>
    <message>
        <source>Labels and receipts waiting or failed</source>
        <translation>Etiketter och kvitton som väntar eller misslyckades</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Synka nu</translation>
    </message>
    <message>
        <source>Send and fetch intake with the central database</source>
        <translation>Skicka och hämta mottagning med den centrala databasen</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Inställningar</translation>
    </message>
    <message>
        <source>Station, scanner, printers, language</source>
        <translation>Station, skanner, skrivare, språk</translation>
    </message>
    <message>
        <source>Full screen</source>
        <translation>Helskärm</translation>
    </message>
    <message>
        <source>Full screen on or off</source>
        <translation>Helskärm av eller på</translation>
    </message>
    <message>
        <source>About</source>
        <translation>Om programmet</translation>
    </message>
    <message>
        <source>Version and where this station keeps its data</source>
        <translation>Version och var stationen sparar sina data</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Logga ut</translation>
    </message>
    <message>
        <source>Sign out and hand the station over</source>
        <translation>Logga ut och lämna över stationen</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Avsluta</translation>
    </message>
    <message>
        <source>Close the dock application</source>
        <translation>Stäng dockprogrammet</translation>
    </message>
</context>
<context>
    <name>Category</name>
    <message>
        <source>Laptop</source>
        <translation>Bärbar dator</translation>
    </message>
    <message>
        <source>Desktop</source>
        <translation>Stationär dator</translation>
    </message>
    <message>
        <source>Monitor</source>
        <translation>Bildskärm</translation>
    </message>
    <message>
        <source>Smartphone</source>
        <translation>Mobiltelefon</translation>
    </message>
    <message>
        <source>Tablet</source>
        <translation>Surfplatta</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Thin client</source>
        <translation>Tunn klient</translation>
    </message>
    <message>
        <source>Docking station</source>
        <translation>Dockningsstation</translation>
    </message>
    <message>
        <source>Printer</source>
        <translation>Skrivare</translation>
    </message>
    <message>
        <source>Network equipment</source>
        <translation>Nätverksutrustning</translation>
    </message>
    <message>
        <source>Peripheral</source>
        <translation>Kringutrustning</translation>
    </message>
    <message>
        <source>Cables and chargers</source>
        <translation>Kablar och laddare</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Övrigt</translation>
    </message>
</context>
<context>
    <name>CategoryChart</name>
    <message>
        <source>Expected</source>
        <translation>Förväntade</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Mottagna</translation>
    </message>
</context>
<context>
    <name>ClosePalletDialog</name>
    <message>
        <source>Close pallet</source>
        <translation>Stäng pall</translation>
    </message>
    <message>
        <source>Close pallet {code}</source>
        <translation>Stäng pall {code}</translation>
    </message>
    <message>
        <source>Units on it</source>
        <translation>Enheter på pallen</translation>
    </message>
    <message>
        <source>not weighed</source>
        <translation>inte vägd</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>Vikt</translation>
    </message>
</context>
<context>
    <name>Feedback</name>
    <message>
        <source>Ready</source>
        <translation>Redo</translation>
    </message>
    <message>
        <source>Scan the pallet label, then the units on it.</source>
        <translation>Skanna pallettiketten och sedan enheterna på pallen.</translation>
    </message>
    <message>
        <source>Matched</source>
        <translation>Matchad</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Dubblett</translation>
    </message>
    <message>
        <source>Wrong order</source>
        <translation>Fel återtag</translation>
    </message>
    <message>
        <source>Extra</source>
        <translation>Extra</translation>
    </message>
    <message>
        <source>Near match</source>
        <translation>Nästan lika</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Avvisad</translation>
    </message>
    <message>
        <source>Pallet</source>
        <translation>Pall</translation>
    </message>
    <message>
        <source>Our label</source>
        <translation>Vår etikett</translation>
    </message>
    <message>
        <source>Label {label}</source>
        <translation>Etikett {label}</translation>
    </message>
    <message>
        <source>Extra: not on any list</source>
        <translation>Extra: finns inte på någon lista</translation>
    </message>
    <message>
        <source>{code} received as an extra, label {label}</source>
        <translation>{code} mottagen som extra, etikett {label}</translation>
    </message>
    <message>
        <source>Keep it on the pallet: the supervisor checks the extras.</source>
        <translation>Låt den stå kvar på pallen: arbetsledaren går igenom extraenheterna.</translation>
    </message>
    <message>
        <source> (signed off)</source>
        <translation> (signerat)</translation>
    </message>
    <message>
        <source>{code} is on the list of {order}{closed}</source>
        <translation>{code} finns på listan för {order}{closed}</translation>
    </message>
    <message>
        <source>Put it aside: belongs to {order} {customer}</source>
        <translation>Ställ åt sidan: hör till {order} {customer}</translation>
    </message>
    <message>
        <source>Check the serial number</source>
        <translation>Kontrollera serienumret</translation>
    </message>
    <message>
        <source>{code} is close to a unit on the list, but not the same</source>
        <translation>{code} liknar en enhet på listan men är inte samma</translation>
    </message>
    <message>
        <source>Type the serial from the sticker by hand, or receive it as an extra.</source>
        <translation>Skriv serienumret från dekalen för hand eller ta emot enheten som extra.</translation>
    </message>
    <message>
        <source>Did you mean {expected}? {edit}</source>
        <translation>Menade du {expected}? {edit}</translation>
    </message>
    <message>
        <source>Compare with the sticker, then confirm or reject.</source>
        <translation>Jämför med dekalen, bekräfta eller avvisa sedan.</translation>
    </message>
    <message>
        <source>Our label {label}</source>
        <translation>Vår etikett {label}</translation>
    </message>
    <message>
        <source>Received on {order} {when} at {station}</source>
        <translation>Mottagen på {order} {when} vid {station}</translation>
    </message>
    <message>
        <source>Already received</source>
        <translation>Redan mottagen</translation>
    </message>
    <message>
        <source>Put it aside for the supervisor.</source>
        <translation>Ställ den åt sidan åt arbetsledaren.</translation>
    </message>
    <message>
        <source> on {order}</source>
        <translation> på {order}</translation>
    </message>
    <message>
        <source>Received{where} {when} at {station} by {operator}, label {label}</source>
        <translation>Mottagen{where} {when} vid {station} av {operator}, etikett {label}</translation>
    </message>
    <message>
        <source>New pallet opened</source>
        <translation>Ny pall öppnad</translation>
    </message>
    <message>
        <source>Closed pallet reopened</source>
        <translation>Stängd pall öppnad igen</translation>
    </message>
    <message>
        <source>Now receiving onto this pallet</source>
        <translation>Tar nu emot på den här pallen</translation>
    </message>
    <message>
        <source>Pallet {code}</source>
        <translation>Pall {code}</translation>
    </message>
    <message>
        <source>Scan the units on it.</source>
        <translation>Skanna enheterna på pallen.</translation>
    </message>
    <message>
        <source>Pallet of another order</source>
        <translation>Pall från ett annat återtag</translation>
    </message>
    <message>
        <source>This pallet belongs to {order} {customer}</source>
        <translation>Den här pallen hör till {order} {customer}</translation>
    </message>
    <message>
        <source>Open that order to receive onto this pallet.</source>
        <translation>Öppna det återtaget för att ta emot på den här pallen.</translation>
    </message>
    <message>
        <source>Empty read</source>
        <translation>Tom läsning</translation>
    </message>
    <message>
        <source>Scan again.</source>
        <translation>Skanna igen.</translation>
    </message>
    <message>
        <source>Not a readable code</source>
        <translation>Inte en läsbar kod</translation>
    </message>
    <message>
        <source>Scan again, or type the serial number by hand.</source>
        <translation>Skanna igen eller skriv serienumret för hand.</translation>
    </message>
    <message>
        <source>Too long for a serial number</source>
        <translation>För lång för ett serienummer</translation>
    </message>
    <message>
        <source>Scan the serial number barcode, not another label.</source>
        <translation>Skanna serienummerstreckkoden, inte en annan etikett.</translation>
    </message>
    <message>
        <source>Too short for a serial number</source>
        <translation>För kort för ett serienummer</translation>
    </message>
    <message>
        <source>Product code (EAN/GTIN), not a serial number</source>
        <translation>Produktkod (EAN/GTIN), inte ett serienummer</translation>
    </message>
    <message>
        <source>Scan the serial number barcode.</source>
        <translation>Skanna serienummerstreckkoden.</translation>
    </message>
    <message>
        <source>Part number, not a serial number</source>
        <translation>Artikelnummer, inte ett serienummer</translation>
    </message>
    <message>
        <source>Our label, but unknown at this station</source>
        <translation>Vår etikett, men okänd på den här stationen</translation>
    </message>
    <message>
        <source>Sync this station, then scan again.</source>
        <translation>Synka stationen och skanna sedan igen.</translation>
    </message>
    <message>
        <source>Open that order to receive onto it.</source>
        <translation>Öppna det återtaget för att ta emot på pallen.</translation>
    </message>
    <message>
        <source>GS1 code without a serial number</source>
        <translation>GS1-kod utan serienummer</translation>
    </message>
    <message>
        <source>&apos;{scanned}&apos; where the list has &apos;{expected}&apos; (position {pos})</source>
        <translation>&apos;{scanned}&apos; där listan har &apos;{expected}&apos; (position {pos})</translation>
    </message>
    <message>
        <source>an extra &apos;{scanned}&apos; at position {pos}</source>
        <translation>ett extra &apos;{scanned}&apos; på position {pos}</translation>
    </message>
    <message>
        <source>&apos;{expected}&apos; missing at position {pos}</source>
        <translation>&apos;{expected}&apos; saknas på position {pos}</translation>
    </message>
    <message>
        <source>&apos;{scanned}&apos; swapped at position {pos}</source>
        <translation>&apos;{scanned}&apos; omkastat på position {pos}</translation>
    </message>
    <message>
        <source>Ask a supervisor.</source>
        <translation>Fråga en arbetsledare.</translation>
    </message>
    <message>
        <source>Check the name and PIN.</source>
        <translation>Kontrollera namn och PIN-kod.</translation>
    </message>
    <message>
        <source>Tell the supervisor; the scan was not recorded.</source>
        <translation>Säg till arbetsledaren; skanningen registrerades inte.</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>Inte registrerad</translation>
    </message>
    <message>
        <source>Fix this, then scan again.</source>
        <translation>Åtgärda detta och skanna sedan igen.</translation>
    </message>
    <message>
        <source>Confirmed by the operator</source>
        <translation>Bekräftad av operatören</translation>
    </message>
    <message>
        <source>Received as an extra, label {label}</source>
        <translation>Mottagen som extra, etikett {label}</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Serial number</source>
        <translation>Serienummer</translation>
    </message>
    <message>
        <source>Asset tag</source>
        <translation>Inventarienummer</translation>
    </message>
    <message>
        <source>Manufacturer</source>
        <translation>Tillverkare</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategori</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Antal</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beskrivning</translation>
    </message>
    <message>
        <source>Import an expected list</source>
        <translation>Importera förväntad lista</translation>
    </message>
    <message>
        <source>CSV or Excel file from the customer</source>
        <translation>CSV- eller Excelfil från kunden</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>Välj fil…</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>Kolumner</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Rad</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Kolumn</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Import the valid rows and skip the rows with errors</source>
        <translation>Importera de giltiga raderna och hoppa över raderna med fel</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Kontrollera</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importera</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Stäng</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Återtag</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Fil</translation>
    </message>
    <message>
        <source>First rows of the file</source>
        <translation>Filens första rader</translation>
    </message>
    <message>
        <source>Expected list</source>
        <translation>Förväntad lista</translation>
    </message>
    <message>
        <source>Lists (*.csv *.txt *.tsv *.xlsx);;All files (*)</source>
        <translation>Listor (*.csv *.txt *.tsv *.xlsx);;Alla filer (*)</translation>
    </message>
    <message>
        <source>Reading {file}…</source>
        <translation>Läser {file}…</translation>
    </message>
    <message>
        <source>separator {sep}</source>
        <translation>avgränsare {sep}</translation>
    </message>
    <message>
        <source>sheet {sheet}</source>
        <translation>blad {sheet}</translation>
    </message>
    <message>
        <source>{where}; header on line {line}</source>
        <translation>{where}; rubrikrad på rad {line}</translation>
    </message>
    <message>
        <source>(not in the file)</source>
        <translation>(finns inte i filen)</translation>
    </message>
    <message>
        <source>Check the list before importing it.</source>
        <translation>Kontrollera listan innan den importeras.</translation>
    </message>
    <message>
        <source>Two fields point to the same column: choose one column per field.</source>
        <translation>Två fält pekar på samma kolumn: välj en kolumn per fält.</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Kontrollerar…</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Importerar…</translation>
    </message>
    <message>
        <source>{n} rows read</source>
        <translation>{n} rader lästa</translation>
    </message>
    <message>
        <source>Imported {units} units and {counts} count lines into {order}.</source>
        <translation>Importerade {units} enheter och {counts} antalsrader till {order}.</translation>
    </message>
    <message>
        <source>{rows} rows: {units} units, {counts} count lines; {errors} errors, {warnings} warnings.</source>
        <translation>{rows} rader: {units} enheter, {counts} antalsrader; {errors} fel, {warnings} varningar.</translation>
    </message>
    <message>
        <source>Nothing can be imported until the errors are fixed (or skipped).</source>
        <translation>Inget kan importeras förrän felen är åtgärdade (eller överhoppade).</translation>
    </message>
    <message>
        <source>Nothing was written yet.</source>
        <translation>Inget har skrivits ännu.</translation>
    </message>
    <message>
        <source>error</source>
        <translation>fel</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>varning</translation>
    </message>
</context>
<context>
    <name>Integrations</name>
    <message>
        <source>Printing is not set up at this station.</source>
        <translation>Utskrift är inte inställd på den här stationen.</translation>
    </message>
    <message>
        <source>No label printer is set up at this station.</source>
        <translation>Ingen etikettskrivare är inställd på den här stationen.</translation>
    </message>
    <message>
        <source>Receipts are not set up at this station.</source>
        <translation>Kvitton är inte inställda på den här stationen.</translation>
    </message>
    <message>
        <source>No central database is set up for this station.</source>
        <translation>Ingen central databas är inställd för den här stationen.</translation>
    </message>
    <message>
        <source>No camera is set up at this station.</source>
        <translation>Ingen kamera är inställd på den här stationen.</translation>
    </message>
    <message>
        <source>No receipt printer is set up at this station.</source>
        <translation>Ingen kvittoskrivare är inställd på den här stationen.</translation>
    </message>
    <message>
        <source>Camera: {reason}</source>
        <translation>Kamera: {reason}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Intake dock · {station}</source>
        <translation>Mottagningsdocka · {station}</translation>
    </message>
    <message>
        <source>More</source>
        <translation>Mer</translation>
    </message>
    <message>
        <source>Signed in: {name}</source>
        <translation>Inloggad: {name}</translation>
    </message>
    <message>
        <source>Close the dialog before scanning ({code} was not recorded).</source>
        <translation>Stäng dialogrutan innan du skannar ({code} registrerades inte).</translation>
    </message>
    <message>
        <source>Pallet {code}</source>
        <translation>Pall {code}</translation>
    </message>
    <message>
        <source>New pallet opened</source>
        <translation>Ny pall öppnad</translation>
    </message>
    <message>
        <source>Stick its label on, then scan the units.</source>
        <translation>Sätt på etiketten och skanna sedan enheterna.</translation>
    </message>
    <message>
        <source>No pallet is open: scan a pallet label first.</source>
        <translation>Ingen pall är öppen: skanna en pallettikett först.</translation>
    </message>
    <message>
        <source>, {kg} kg</source>
        <translation>, {kg} kg</translation>
    </message>
    <message>
        <source>Pallet {code} closed{kg}</source>
        <translation>Pall {code} stängd{kg}</translation>
    </message>
    <message>
        <source>{n} units on it</source>
        <translation>{n} enheter på pallen</translation>
    </message>
    <message>
        <source>Scan the next pallet&apos;s label.</source>
        <translation>Skanna nästa palls etikett.</translation>
    </message>
    <message>
        <source>No pallet is open.</source>
        <translation>Ingen pall är öppen.</translation>
    </message>
    <message>
        <source>Pallet label {code} sent to the printer</source>
        <translation>Pallettikett {code} skickad till skrivaren</translation>
    </message>
    <message>
        <source>Imported {units} units into {order}</source>
        <translation>Importerade {units} enheter till {order}</translation>
    </message>
    <message>
        <source>Station and database changes take effect at the next start.</source>
        <translation>Ändringar av station och databas gäller vid nästa start.</translation>
    </message>
</context>
<context>
    <name>ManualMatchDialog</name>
    <message>
        <source>Match by hand</source>
        <translation>Matcha för hand</translation>
    </message>
    <message>
        <source>Unit {label}, scanned as {serial}: which expected unit is it?</source>
        <translation>Enhet {label}, skannad som {serial}: vilken förväntad enhet är det?</translation>
    </message>
    <message>
        <source>Search the missing units</source>
        <translation>Sök bland de saknade enheterna</translation>
    </message>
    <message>
        <source>Serial number</source>
        <translation>Serienummer</translation>
    </message>
    <message>
        <source>Asset tag</source>
        <translation>Inventarienummer</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategori</translation>
    </message>
    <message>
        <source>Reason (required), e.g. the list has a typo in the serial</source>
        <translation>Orsak (krävs), t.ex. listan har ett stavfel i serienumret</translation>
    </message>
    <message>
        <source>Match</source>
        <translation>Matcha</translation>
    </message>
</context>
<context>
    <name>MoveUnitDialog</name>
    <message>
        <source>Move to another pallet</source>
        <translation>Flytta till en annan pall</translation>
    </message>
    <message>
        <source>Move unit {unit} from {pallet} to:</source>
        <translation>Flytta enhet {unit} från {pallet} till:</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>stängd</translation>
    </message>
    <message>
        <source>open</source>
        <translation>öppen</translation>
    </message>
    <message>
        <source>Pallet</source>
        <translation>Pall</translation>
    </message>
    <message>
        <source>Reason (optional)</source>
        <translation>Orsak (valfri)</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Orsak</translation>
    </message>
</context>
<context>
    <name>NearMatchPanel</name>
    <message>
        <source>Scanned</source>
        <translation>Skannad</translation>
    </message>
    <message>
        <source>On the list</source>
        <translation>På listan</translation>
    </message>
    <message>
        <source>Yes, it is this unit</source>
        <translation>Ja, det är den här enheten</translation>
    </message>
    <message>
        <source>No: receive as an extra</source>
        <translation>Nej: ta emot som extra</translation>
    </message>
    <message>
        <source>Yes, it is {expected}</source>
        <translation>Ja, det är {expected}</translation>
    </message>
</context>
<context>
    <name>NewOrderDialog</name>
    <message>
        <source>New order</source>
        <translation>Nytt återtag</translation>
    </message>
    <message>
        <source>The customer&apos;s reference, e.g. their case number</source>
        <translation>Kundens referens, t.ex. deras ärendenummer</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Kund</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Referens</translation>
    </message>
    <message>
        <source>The order number is given automatically.</source>
        <translation>Återtagsnumret sätts automatiskt.</translation>
    </message>
</context>
<context>
    <name>OrderCounters</name>
    <message>
        <source>Order</source>
        <translation>Återtag</translation>
    </message>
    <message>
        <source>matched / expected</source>
        <translation>matchade / förväntade</translation>
    </message>
    <message>
        <source>extras</source>
        <translation>extra</translation>
    </message>
    <message>
        <source>duplicates</source>
        <translation>dubbletter</translation>
    </message>
    <message>
        <source>wrong order</source>
        <translation>fel återtag</translation>
    </message>
    <message>
        <source>matched</source>
        <translation>matchade</translation>
    </message>
</context>
<context>
    <name>OrdersPage</name>
    <message>
        <source>Search: customer, order number or reference</source>
        <translation>Sök: kund, återtagsnummer eller referens</translation>
    </message>
    <message>
        <source>Show signed-off orders</source>
        <translation>Visa signerade återtag</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Återtag</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Kund</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Referens</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>signed off</source>
        <translation>signerat</translation>
    </message>
    <message>
        <source>open</source>
        <translation>öppen</translation>
    </message>
    <message>
        <source>Matched / expected</source>
        <translation>Matchade / förväntade</translation>
    </message>
    <message>
        <source>Extras</source>
        <translation>Extra</translation>
    </message>
    <message>
        <source>Receive</source>
        <translation>Ta emot</translation>
    </message>
    <message>
        <source>Reconcile</source>
        <translation>Stäm av</translation>
    </message>
    <message>
        <source>Import list…</source>
        <translation>Importera lista…</translation>
    </message>
    <message>
        <source>New order…</source>
        <translation>Nytt återtag…</translation>
    </message>
    <message>
        <source>Choose an order</source>
        <translation>Välj återtag</translation>
    </message>
    <message>
        <source>Scan or type the order number, the customer or their reference.</source>
        <translation>Skanna eller skriv återtagsnumret, kunden eller kundens referens.</translation>
    </message>
</context>
<context>
    <name>Page</name>
    <message>
        <source>Scans are not used on this page.</source>
        <translation>Skanningar används inte på den här sidan.</translation>
    </message>
</context>
<context>
    <name>PalletCounters</name>
    <message>
        <source>Pallet</source>
        <translation>Pall</translation>
    </message>
    <message>
        <source>units</source>
        <translation>enheter</translation>
    </message>
    <message>
        <source>matched</source>
        <translation>matchade</translation>
    </message>
    <message>
        <source>extras</source>
        <translation>extra</translation>
    </message>
    <message>
        <source>duplicates</source>
        <translation>dubbletter</translation>
    </message>
</context>
<context>
    <name>PrintQueuePage</name>
    <message>
        <source>waiting</source>
        <translation>väntar</translation>
    </message>
    <message>
        <source>printing</source>
        <translation>skrivs ut</translation>
    </message>
    <message>
        <source>printed</source>
        <translation>utskriven</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>misslyckad</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>avbruten</translation>
    </message>
    <message>
        <source>unit label</source>
        <translation>enhetsetikett</translation>
    </message>
    <message>
        <source>pallet label</source>
        <translation>pallettikett</translation>
    </message>
    <message>
        <source>receipt</source>
        <translation>kvitto</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Tid</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Vad</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Printer</source>
        <translation>Skrivare</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Försök</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Försök igen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>Reprint</source>
        <translation>Skriv ut igen</translation>
    </message>
    <message>
        <source>Print queue</source>
        <translation>Utskriftskö</translation>
    </message>
    <message>
        <source>Labels and receipts wait here while a printer is busy or away; nothing at the dock waits for them.</source>
        <translation>Etiketter och kvitton väntar här när en skrivare är upptagen eller borta; inget vid dockan väntar på dem.</translation>
    </message>
    <message>
        <source>No printer is set up at this station. Labels and receipts will queue here once printing is set up.</source>
        <translation>Ingen skrivare är inställd på den här stationen. Etiketter och kvitton köas här när utskrift har ställts in.</translation>
    </message>
    <message>
        <source>Select a print job first.</source>
        <translation>Välj ett utskriftsjobb först.</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <source>Reason</source>
        <translation>Orsak</translation>
    </message>
    <message>
        <source>Reason (optional)</source>
        <translation>Orsak (valfri)</translation>
    </message>
    <message>
        <source>Void scan</source>
        <translation>Makulera skanning</translation>
    </message>
    <message>
        <source>Void the scan of {what}? It stays in the history but no longer counts.</source>
        <translation>Makulera skanningen av {what}? Den finns kvar i historiken men räknas inte längre.</translation>
    </message>
    <message>
        <source>Scanned by mistake</source>
        <translation>Skannad av misstag</translation>
    </message>
    <message>
        <source>Scanned twice</source>
        <translation>Skannad två gånger</translation>
    </message>
    <message>
        <source>Wrong unit: not part of this delivery</source>
        <translation>Fel enhet: ingår inte i leveransen</translation>
    </message>
    <message>
        <source>Match by hand</source>
        <translation>Matcha för hand</translation>
    </message>
    <message>
        <source>Count unit {unit} (scanned {serial}) as the expected {expected}?</source>
        <translation>Räkna enhet {unit} (skannad {serial}) som den förväntade {expected}?</translation>
    </message>
    <message>
        <source>Serial on the list was mistyped</source>
        <translation>Serienumret på listan var felskrivet</translation>
    </message>
    <message>
        <source>Matched by asset tag on the unit</source>
        <translation>Matchad med inventarienumret på enheten</translation>
    </message>
    <message>
        <source>Replacement part: same unit</source>
        <translation>Utbytt del: samma enhet</translation>
    </message>
    <message>
        <source>Void unit</source>
        <translation>Makulera enhet</translation>
    </message>
    <message>
        <source>Void unit {unit} ({serial})? Its scan stays in the history but the unit no longer counts.</source>
        <translation>Makulera enhet {unit} ({serial})? Skanningen finns kvar i historiken men enheten räknas inte längre.</translation>
    </message>
    <message>
        <source>Not part of this delivery</source>
        <translation>Ingår inte i den här leveransen</translation>
    </message>
</context>
<context>
    <name>ReceiptDialog</name>
    <message>
        <source>Receipt {order}</source>
        <translation>Kvitto {order}</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Sammanfattning</translation>
    </message>
    <message>
        <source>Receipt (PDF)</source>
        <translation>Kvitto (PDF)</translation>
    </message>
    <message>
        <source>Print receipt</source>
        <translation>Skriv ut kvitto</translation>
    </message>
    <message>
        <source>Save PDF…</source>
        <translation>Spara PDF…</translation>
    </message>
    <message>
        <source>Save CSV…</source>
        <translation>Spara CSV…</translation>
    </message>
    <message>
        <source>Receipts are not set up at this station: print and PDF come with the printing module. The reconciliation can be saved as CSV.</source>
        <translation>Kvitton är inte inställda på den här stationen: utskrift och PDF kommer med utskriftsmodulen. Avstämningen kan sparas som CSV.</translation>
    </message>
    <message>
        <source>No receipt printer is set up at this station: save the PDF and print it elsewhere.</source>
        <translation>Ingen kvittoskrivare är inställd på den här stationen: spara PDF-filen och skriv ut den någon annanstans.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Stäng</translation>
    </message>
    <message>
        <source>Signed off {at} by {by}</source>
        <translation>Signerat {at} av {by}</translation>
    </message>
    <message>
        <source>Not signed off yet</source>
        <translation>Inte signerat ännu</translation>
    </message>
    <message>
        <source>Receipt sent to the printer.</source>
        <translation>Kvittot skickat till skrivaren.</translation>
    </message>
    <message>
        <source>Save receipt</source>
        <translation>Spara kvitto</translation>
    </message>
    <message>
        <source>Saved {file}</source>
        <translation>Sparade {file}</translation>
    </message>
    <message>
        <source>Save reconciliation</source>
        <translation>Spara avstämning</translation>
    </message>
</context>
<context>
    <name>ReceivingPage</name>
    <message>
        <source>Time</source>
        <translation>Tid</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Kod</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Resultat</translation>
    </message>
    <message>
        <source> (void)</source>
        <translation> (makulerad)</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Etikett</translation>
    </message>
    <message>
        <source>Pallet</source>
        <translation>Pall</translation>
    </message>
    <message>
        <source>Serial number</source>
        <translation>Serienummer</translation>
    </message>
    <message>
        <source>Asset tag</source>
        <translation>Inventarienummer</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategori</translation>
    </message>
    <message>
        <source>Void scan…</source>
        <translation>Makulera skanning…</translation>
    </message>
    <message>
        <source>Reprint label</source>
        <translation>Skriv ut etikett igen</translation>
    </message>
    <message>
        <source>Recent scans</source>
        <translation>Senaste skanningar</translation>
    </message>
    <message>
        <source>Search the list</source>
        <translation>Sök i listan</translation>
    </message>
    <message>
        <source>Blind receiving: the expected list is hidden. Scan every unit on the pallet.</source>
        <translation>Blind mottagning: listan över förväntade enheter är dold. Skanna varje enhet på pallen.</translation>
    </message>
    <message>
        <source>Type a code by hand and press Enter</source>
        <translation>Skriv en kod för hand och tryck Enter</translation>
    </message>
    <message>
        <source>No order chosen</source>
        <translation>Inget återtag valt</translation>
    </message>
    <message>
        <source>No pallet: scan a pallet label</source>
        <translation>Ingen pall: skanna en pallettikett</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>stängd</translation>
    </message>
    <message>
        <source>open</source>
        <translation>öppen</translation>
    </message>
    <message>
        <source>Pallet {code} ({state})</source>
        <translation>Pall {code} ({state})</translation>
    </message>
    <message>
        <source>Choose an order first.</source>
        <translation>Välj ett återtag först.</translation>
    </message>
    <message>
        <source>Still expected: {n}</source>
        <translation>Förväntas fortfarande: {n}</translation>
    </message>
    <message>
        <source>Select a scan in the list first.</source>
        <translation>Välj en skanning i listan först.</translation>
    </message>
    <message>
        <source>That scan is already void.</source>
        <translation>Den skanningen är redan makulerad.</translation>
    </message>
    <message>
        <source>Scan voided</source>
        <translation>Skanning makulerad</translation>
    </message>
    <message>
        <source>Label {label} no longer counts</source>
        <translation>Etikett {label} räknas inte längre</translation>
    </message>
    <message>
        <source>Take the label off the unit.</source>
        <translation>Ta bort etiketten från enheten.</translation>
    </message>
    <message>
        <source>Select a scan that received a unit.</source>
        <translation>Välj en skanning som tog emot en enhet.</translation>
    </message>
    <message>
        <source>Label {label} sent to the printer</source>
        <translation>Etikett {label} skickad till skrivaren</translation>
    </message>
</context>
<context>
    <name>ReconcilePage</name>
    <message>
        <source>Expected</source>
        <translation>Förväntade</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Mottagna</translation>
    </message>
    <message>
        <source>Matched</source>
        <translation>Matchade</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>Saknas</translation>
    </message>
    <message>
        <source>Extras</source>
        <translation>Extra</translation>
    </message>
    <message>
        <source>Duplicates</source>
        <translation>Dubbletter</translation>
    </message>
    <message>
        <source>Wrong order</source>
        <translation>Fel återtag</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategori</translation>
    </message>
    <message>
        <source>Pallet</source>
        <translation>Pall</translation>
    </message>
    <message>
        <source>By category</source>
        <translation>Per kategori</translation>
    </message>
    <message>
        <source>By pallet</source>
        <translation>Per pall</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Etikett</translation>
    </message>
    <message>
        <source>Serial number</source>
        <translation>Serienummer</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Av</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Rad</translation>
    </message>
    <message>
        <source>Asset tag</source>
        <translation>Inventarienummer</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Search the missing units</source>
        <translation>Sök bland de saknade enheterna</translation>
    </message>
    <message>
        <source>Search the extras</source>
        <translation>Sök bland extraenheterna</translation>
    </message>
    <message>
        <source>Search the received units</source>
        <translation>Sök bland de mottagna enheterna</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Kod</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Anmärkning</translation>
    </message>
    <message>
        <source>When</source>
        <translation>När</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Sök</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beskrivning</translation>
    </message>
    <message>
        <source>Counted</source>
        <translation>Räknade</translation>
    </message>
    <message>
        <source>Counted items</source>
        <translation>Räknade artiklar</translation>
    </message>
    <message>
        <source>Match by hand…</source>
        <translation>Matcha för hand…</translation>
    </message>
    <message>
        <source>Void unit…</source>
        <translation>Makulera enhet…</translation>
    </message>
    <message>
        <source>Move to pallet…</source>
        <translation>Flytta till pall…</translation>
    </message>
    <message>
        <source>Sign off…</source>
        <translation>Signera…</translation>
    </message>
    <message>
        <source>Reopen…</source>
        <translation>Öppna igen…</translation>
    </message>
    <message>
        <source>Receipt…</source>
        <translation>Kvitto…</translation>
    </message>
    <message>
        <source>No order chosen</source>
        <translation>Inget återtag valt</translation>
    </message>
    <message>
        <source>Duplicates and wrong order</source>
        <translation>Dubbletter och fel återtag</translation>
    </message>
    <message>
        <source>Signed off {at} by {by}</source>
        <translation>Signerat {at} av {by}</translation>
    </message>
    <message>
        <source>Open. The order balances: it can be signed off.</source>
        <translation>Öppet. Återtaget stämmer: det kan signeras.</translation>
    </message>
    <message>
        <source>Open. The order does not balance yet.</source>
        <translation>Öppet. Återtaget stämmer inte ännu.</translation>
    </message>
    <message>
        <source>duplicate of {label}</source>
        <translation>dubblett av {label}</translation>
    </message>
    <message>
        <source>scanned again</source>
        <translation>skannad igen</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Dubblett</translation>
    </message>
    <message>
        <source>belongs to {order}</source>
        <translation>hör till {order}</translation>
    </message>
    <message>
        <source>{code} is in none of the lists</source>
        <translation>{code} finns inte i någon av listorna</translation>
    </message>
    <message>
        <source>Select an extra unit first.</source>
        <translation>Välj en extraenhet först.</translation>
    </message>
    <message>
        <source>Unit {label} matched</source>
        <translation>Enhet {label} matchad</translation>
    </message>
    <message>
        <source>Select a unit in Extras or Received first.</source>
        <translation>Välj först en enhet under Extra eller Mottagna.</translation>
    </message>
    <message>
        <source>Unit {label} voided</source>
        <translation>Enhet {label} makulerad</translation>
    </message>
    <message>
        <source>Unit {label} moved to {pallet}</source>
        <translation>Enhet {label} flyttad till {pallet}</translation>
    </message>
    <message>
        <source>{order} signed off</source>
        <translation>{order} signerat</translation>
    </message>
    <message>
        <source>Reopen order</source>
        <translation>Öppna återtaget igen</translation>
    </message>
    <message>
        <source>Reopen {order} for more scans or corrections?</source>
        <translation>Öppna {order} igen för fler skanningar eller rättelser?</translation>
    </message>
    <message>
        <source>{order} reopened</source>
        <translation>{order} öppnat igen</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <source>operator</source>
        <translation>operatör</translation>
    </message>
    <message>
        <source>supervisor</source>
        <translation>arbetsledare</translation>
    </message>
    <message>
        <source>admin</source>
        <translation>administratör</translation>
    </message>
</context>
<context>
    <name>ScannerCheck</name>
    <message>
        <source>QR code</source>
        <translation>QR-kod</translation>
    </message>
    <message>
        <source>US English</source>
        <translation>amerikansk engelska</translation>
    </message>
    <message>
        <source>Swedish/Nordic</source>
        <translation>svenska/nordisk</translation>
    </message>
    <message>
        <source>German</source>
        <translation>tyska</translation>
    </message>
    <message>
        <source>Keyboard layout: right.</source>
        <translation>Tangentbordslayout: rätt.</translation>
    </message>
    <message>
        <source>Caps Lock is on: every letter arrives in the wrong case. Turn Caps Lock off.</source>
        <translation>Caps Lock är på: alla bokstäver kommer med fel skiftläge. Stäng av Caps Lock.</translation>
    </message>
    <message>
        <source>Keyboard layout: the code arrived as {got} instead of {expected}. Check the scanner&apos;s keyboard country.</source>
        <translation>Tangentbordslayout: koden kom fram som {got} i stället för {expected}. Kontrollera skannerns tangentbordsland.</translation>
    </message>
    <message>
        <source>Suffix: Enter. Right.</source>
        <translation>Suffix: Enter. Rätt.</translation>
    </message>
    <message>
        <source>Suffix: Tab. Works; Enter is recommended.</source>
        <translation>Suffix: Tab. Fungerar; Enter rekommenderas.</translation>
    </message>
    <message>
        <source>No suffix: the scanner sends no Enter after a code. Program an Enter (CR) suffix.</source>
        <translation>Inget suffix: skannern skickar ingen Enter efter koden. Programmera ett Enter-suffix (CR).</translation>
    </message>
    <message>
        <source>Codes end differently (Enter and Tab): program one suffix, Enter.</source>
        <translation>Koderna avslutas olika (Enter och Tab): programmera ett suffix, Enter.</translation>
    </message>
    <message>
        <source>Settings expect the prefix {prefix}, but the scanner does not send it.</source>
        <translation>Inställningarna väntar sig prefixet {prefix}, men skannern skickar det inte.</translation>
    </message>
    <message>
        <source>Settings expect the suffix {suffix}, but the scanner does not send it.</source>
        <translation>Inställningarna väntar sig suffixet {suffix}, men skannern skickar det inte.</translation>
    </message>
    <message>
        <source>The scanner sends {prefix} before every code: enter it as the prefix in Settings.</source>
        <translation>Skannern skickar {prefix} före varje kod: ange det som prefix i Inställningar.</translation>
    </message>
    <message>
        <source>The scanner sends {suffix} after every code: enter it as the suffix in Settings.</source>
        <translation>Skannern skickar {suffix} efter varje kod: ange det som suffix i Inställningar.</translation>
    </message>
    <message>
        <source>The scanner sends symbology identifiers (such as ]C1): fine, they are understood.</source>
        <translation>Skannern skickar symbologiidentifierare (som ]C1): bra, de förstås.</translation>
    </message>
    <message>
        <source>{symbology}: read.</source>
        <translation>{symbology}: läst.</translation>
    </message>
    <message>
        <source>{symbology}: not read. Enable it in the scanner, or scan it again.</source>
        <translation>{symbology}: inte läst. Slå på den i skannern eller skanna igen.</translation>
    </message>
    <message>
        <source>{symbology}: not scanned yet.</source>
        <translation>{symbology}: inte skannad ännu.</translation>
    </message>
    <message>
        <source>{symbology} is on: better switched off (a partial read looks like a short code).</source>
        <translation>{symbology} är på: bör stängas av (en delvis läsning ser ut som en kort kod).</translation>
    </message>
    <message>
        <source>GS1 separators: sent. Right.</source>
        <translation>GS1-avskiljare: skickas. Rätt.</translation>
    </message>
    <message>
        <source>GS1 separators are dropped: codes with several fields cannot be split. Enable sending GS (ASCII 29).</source>
        <translation>GS1-avskiljare tappas: koder med flera fält kan inte delas upp. Slå på sändning av GS (ASCII 29).</translation>
    </message>
    <message>
        <source>Read {got}: not a code from the test sheet.</source>
        <translation>Läste {got}: inte en kod från testbladet.</translation>
    </message>
    <message>
        <source>Keyboard layout: the scanner types {scanner} but this PC expects {host}; &apos;-&apos; and &apos;/&apos; arrive as other characters. Set the scanner&apos;s keyboard country to {host}.</source>
        <translation>Tangentbordslayout: skannern skriver {scanner} men datorn väntar sig {host}; &apos;-&apos; och &apos;/&apos; blir andra tecken. Ställ in skannerns tangentbordsland på {host}.</translation>
    </message>
    <message>
        <source>Caps Lock is on as well.</source>
        <translation>Caps Lock är dessutom på.</translation>
    </message>
</context>
<context>
    <name>ScannerCheckPage</name>
    <message>
        <source>Code</source>
        <translation>Kod</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>Läst</translation>
    </message>
    <message>
        <source>Arrived as</source>
        <translation>Kom fram som</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>Resultat</translation>
    </message>
    <message>
        <source>Open the test sheet (PDF)</source>
        <translation>Öppna testbladet (PDF)</translation>
    </message>
    <message>
        <source>Save the test sheet…</source>
        <translation>Spara testbladet…</translation>
    </message>
    <message>
        <source>Start again</source>
        <translation>Börja om</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>Klar</translation>
    </message>
    <message>
        <source>Scanner check</source>
        <translation>Skannerkontroll</translation>
    </message>
    <message>
        <source>Print the test sheet, scan codes 1 to 7 from the top, then press Finish. The check tells whether the scanner&apos;s keyboard layout, suffix and barcode types are set right for this PC.</source>
        <translation>Skriv ut testbladet, skanna koderna 1 till 7 uppifrån och tryck sedan Klar. Kontrollen visar om skannerns tangentbordslayout, suffix och streckkodstyper är rätt inställda för den här datorn.</translation>
    </message>
    <message>
        <source>Waiting for the first code…</source>
        <translation>Väntar på första koden…</translation>
    </message>
    <message>
        <source>{n} problem(s) to fix</source>
        <translation>{n} problem att åtgärda</translation>
    </message>
    <message>
        <source>The scanner is set up right.</source>
        <translation>Skannern är rätt inställd.</translation>
    </message>
    <message>
        <source>So far so good: keep scanning.</source>
        <translation>Så långt bra: fortsätt skanna.</translation>
    </message>
    <message>
        <source>Saved {file}; no PDF viewer opened it</source>
        <translation>Sparade {file}; ingen PDF-läsare öppnade den</translation>
    </message>
    <message>
        <source>Save the test sheet</source>
        <translation>Spara testbladet</translation>
    </message>
    <message>
        <source>Saved {file}</source>
        <translation>Sparade {file}</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>Station</source>
        <translation>Station</translation>
    </message>
    <message>
        <source>Scanner</source>
        <translation>Skanner</translation>
    </message>
    <message>
        <source>Receiving</source>
        <translation>Mottagning</translation>
    </message>
    <message>
        <source>Language and screen</source>
        <translation>Språk och skärm</translation>
    </message>
    <message>
        <source>Printers</source>
        <translation>Skrivare</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>Kamera</translation>
    </message>
    <message>
        <source>Central database</source>
        <translation>Central databas</translation>
    </message>
    <message>
        <source>No printing module is installed at this station yet.</source>
        <translation>Ingen utskriftsmodul är installerad på den här stationen ännu.</translation>
    </message>
    <message>
        <source>No camera module is installed at this station yet.</source>
        <translation>Ingen kameramodul är installerad på den här stationen ännu.</translation>
    </message>
    <message>
        <source>No sync module is installed at this station yet.</source>
        <translation>Ingen synkroniseringsmodul är installerad på den här stationen ännu.</translation>
    </message>
    <message>
        <source>Station database (empty: the local file)</source>
        <translation>Stationens databas (tom: den lokala filen)</translation>
    </message>
    <message>
        <source>Station name</source>
        <translation>Stationens namn</translation>
    </message>
    <message>
        <source>Operator for the command line</source>
        <translation>Operatör för kommandoraden</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Språk</translation>
    </message>
    <message>
        <source>Start in full screen</source>
        <translation>Starta i helskärm</translation>
    </message>
    <message>
        <source>Blind receiving (operators do not see what is expected)</source>
        <translation>Blind mottagning (operatörer ser inte vad som förväntas)</translation>
    </message>
    <message>
        <source>Print the unit label when a unit is received</source>
        <translation>Skriv ut enhetens etikett när den tas emot</translation>
    </message>
    <message>
        <source>Sounds for scan results</source>
        <translation>Ljud för skanningsresultat</translation>
    </message>
    <message>
        <source>Prefix the scanner sends (e.g. \x02)</source>
        <translation>Prefix som skannern skickar (t.ex. \x02)</translation>
    </message>
    <message>
        <source>Suffix the scanner sends before Enter/Tab</source>
        <translation>Suffix som skannern skickar före Enter/Tab</translation>
    </message>
    <message>
        <source>Longest gap between a scanner&apos;s keys (ms)</source>
        <translation>Längsta paus mellan skannerns tangenter (ms)</translation>
    </message>
    <message>
        <source>Shortest code (characters)</source>
        <translation>Kortaste kod (tecken)</translation>
    </message>
    <message>
        <source>Serial scanner port (empty: none)</source>
        <translation>Port för seriell skanner (tom: ingen)</translation>
    </message>
    <message>
        <source>Serial scanner speed (baud)</source>
        <translation>Hastighet för seriell skanner (baud)</translation>
    </message>
    <message>
        <source>Central database URL (the password is kept in the keyring)</source>
        <translation>Centrala databasens URL (lösenordet sparas i nyckelringen)</translation>
    </message>
    <message>
        <source>TLS to the central database</source>
        <translation>TLS till centrala databasen</translation>
    </message>
    <message>
        <source>CA certificate of the central database</source>
        <translation>CA-certifikat för centrala databasen</translation>
    </message>
    <message>
        <source>Seconds to wait for the central database</source>
        <translation>Sekunder att vänta på centrala databasen</translation>
    </message>
    <message>
        <source>Seconds between background syncs</source>
        <translation>Sekunder mellan synkroniseringar i bakgrunden</translation>
    </message>
    <message>
        <source>Rows per sync batch</source>
        <translation>Rader per synkroniseringsomgång</translation>
    </message>
    <message>
        <source>Use a camera as a scanner on the receiving page</source>
        <translation>Använd en kamera som skanner vid mottagningen</translation>
    </message>
    <message>
        <source>Camera number (0 = the first), or a video file to replay</source>
        <translation>Kameranummer (0 = den första) eller en videofil att spela upp</translation>
    </message>
    <message>
        <source>Image width (pixels)</source>
        <translation>Bildbredd (pixlar)</translation>
    </message>
    <message>
        <source>Image height (pixels)</source>
        <translation>Bildhöjd (pixlar)</translation>
    </message>
    <message>
        <source>Frames per second</source>
        <translation>Bilder per sekund</translation>
    </message>
    <message>
        <source>Exposure (0: automatic)</source>
        <translation>Exponering (0: automatisk)</translation>
    </message>
    <message>
        <source>Focus (-1: autofocus)</source>
        <translation>Fokus (-1: autofokus)</translation>
    </message>
    <message>
        <source>Read only inside the aim box</source>
        <translation>Läs bara inom siktrutan</translation>
    </message>
    <message>
        <source>Aim box width (share of the image)</source>
        <translation>Siktrutans bredd (andel av bilden)</translation>
    </message>
    <message>
        <source>Aim box height (share of the image)</source>
        <translation>Siktrutans höjd (andel av bilden)</translation>
    </message>
    <message>
        <source>Frames a code must be seen in before it scans</source>
        <translation>Bilder en kod måste synas i innan den skannas</translation>
    </message>
    <message>
        <source>Seconds before the same code scans again</source>
        <translation>Sekunder innan samma kod skannas igen</translation>
    </message>
    <message>
        <source>Also read light codes on dark ground (slower)</source>
        <translation>Läs även ljusa koder på mörk botten (långsammare)</translation>
    </message>
    <message>
        <source>Second decoder for hard codes (reads confirmed first)</source>
        <translation>Extra avkodare för svåra koder (läsningar bekräftas först)</translation>
    </message>
    <message>
        <source>Decoding threads</source>
        <translation>Avkodningstrådar</translation>
    </message>
    <message>
        <source>Printers (JSON: name, driver, format and the driver&apos;s options)</source>
        <translation>Skrivare (JSON: namn, drivrutin, format och drivrutinens inställningar)</translation>
    </message>
    <message>
        <source>Printer for unit and pallet labels</source>
        <translation>Skrivare för enhets- och pallettiketter</translation>
    </message>
    <message>
        <source>Printer for receipts</source>
        <translation>Skrivare för kvitton</translation>
    </message>
    <message>
        <source>Unit label size (mm, width x height)</source>
        <translation>Enhetsetikettens storlek (mm, bredd x höjd)</translation>
    </message>
    <message>
        <source>Pallet label size (mm, width x height)</source>
        <translation>Pallettikettens storlek (mm, bredd x höjd)</translation>
    </message>
    <message>
        <source>Language on labels</source>
        <translation>Språk på etiketter</translation>
    </message>
    <message>
        <source>Language on receipts</source>
        <translation>Språk på kvitton</translation>
    </message>
    <message>
        <source>Our company&apos;s name on receipts</source>
        <translation>Vårt företagsnamn på kvitton</translation>
    </message>
    <message>
        <source>Time zone of dates on labels and receipts</source>
        <translation>Tidszon för datum på etiketter och kvitton</translation>
    </message>
    <message>
        <source>Print the final receipt at sign-off</source>
        <translation>Skriv ut det slutliga kvittot vid avstämning</translation>
    </message>
    <message>
        <source>Seconds before retrying a printer that is down</source>
        <translation>Sekunder innan en skrivare som är nere prövas igen</translation>
    </message>
    <message>
        <source>Longest wait between retries (seconds)</source>
        <translation>Längsta väntan mellan försök (sekunder)</translation>
    </message>
    <message>
        <source>Seconds to wait for a printer to answer</source>
        <translation>Sekunder att vänta på svar från en skrivare</translation>
    </message>
    <message>
        <source>{key}: not valid JSON ({error})</source>
        <translation>{key}: ogiltig JSON ({error})</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Inställningar</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Övrigt</translation>
    </message>
    <message>
        <source>* takes effect when the application starts again</source>
        <translation>* gäller när programmet startas om</translation>
    </message>
</context>
<context>
    <name>SignInPage</name>
    <message>
        <source>Scan your badge</source>
        <translation>Skanna din passerbricka</translation>
    </message>
    <message>
        <source>The scanner works wherever the cursor is.</source>
        <translation>Skannern fungerar var markören än står.</translation>
    </message>
    <message>
        <source>Or with your PIN</source>
        <translation>Eller med PIN-kod</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN-kod</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Logga in</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Namn</translation>
    </message>
    <message>
        <source>Station {name}</source>
        <translation>Station {name}</translation>
    </message>
    <message>
        <source>Not signed in: wrong PIN or unknown badge.</source>
        <translation>Inte inloggad: fel PIN-kod eller okänd passerbricka.</translation>
    </message>
</context>
<context>
    <name>SignOffDialog</name>
    <message>
        <source>Sign off {order}</source>
        <translation>Signera {order}</translation>
    </message>
    <message>
        <source>Sign off {order} · {customer}</source>
        <translation>Signera {order} · {customer}</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>Förväntade</translation>
    </message>
    <message>
        <source>Matched</source>
        <translation>Matchade</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>Saknas</translation>
    </message>
    <message>
        <source>Extras</source>
        <translation>Extra</translation>
    </message>
    <message>
        <source>Duplicates</source>
        <translation>Dubbletter</translation>
    </message>
    <message>
        <source>Wrong order</source>
        <translation>Fel återtag</translation>
    </message>
    <message>
        <source>The order balances.</source>
        <translation>Återtaget stämmer.</translation>
    </message>
    <message>
        <source>The order does not balance: say why it is signed off anyway.</source>
        <translation>Återtaget stämmer inte: ange varför det ändå signeras.</translation>
    </message>
    <message>
        <source>Reason (optional)</source>
        <translation>Orsak (valfri)</translation>
    </message>
    <message>
        <source>Reason (required)</source>
        <translation>Orsak (krävs)</translation>
    </message>
    <message>
        <source>After sign-off no more scans are accepted on this order; the receipt can be issued.</source>
        <translation>Efter signering tas inga fler skanningar emot på återtaget; kvittot kan utfärdas.</translation>
    </message>
    <message>
        <source>Sign off</source>
        <translation>Signera</translation>
    </message>
</context>
<context>
    <name>StatusPanel</name>
    <message>
        <source>Station {name}</source>
        <translation>Station {name}</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>Inte inloggad</translation>
    </message>
    <message>
        <source>Scanner: keyboard</source>
        <translation>Skanner: tangentbord</translation>
    </message>
    <message>
        <source>Serial scanner: connecting</source>
        <translation>Seriell skanner: ansluter</translation>
    </message>
    <message>
        <source>Serial scanner: ready</source>
        <translation>Seriell skanner: redo</translation>
    </message>
    <message>
        <source>Serial scanner: not connected</source>
        <translation>Seriell skanner: inte ansluten</translation>
    </message>
    <message>
        <source>Serial scanner: stopped</source>
        <translation>Seriell skanner: stoppad</translation>
    </message>
    <message>
        <source>Printing: not set up</source>
        <translation>Utskrift: inte inställd</translation>
    </message>
    <message>
        <source>Print queue: {waiting} waiting, {failed} failed</source>
        <translation>Utskriftskö: {waiting} väntar, {failed} misslyckade</translation>
    </message>
    <message>
        <source>Sync: not set up</source>
        <translation>Synkronisering: inte inställd</translation>
    </message>
    <message>
        <source>online</source>
        <translation>ansluten</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>frånkopplad</translation>
    </message>
    <message>
        <source>never</source>
        <translation>aldrig</translation>
    </message>
    <message>
        <source>Sync: {online}, last {last}, {rows} rows waiting</source>
        <translation>Synkronisering: {online}, senast {last}, {rows} rader väntar</translation>
    </message>
    <message>
        <source>Working… ({n})</source>
        <translation>Arbetar… ({n})</translation>
    </message>
</context>
<context>
    <name>TaskRunner</name>
    <message>
        <source>Internal error ({name}: {text}); details in {log}</source>
        <translation>Internt fel ({name}: {text}); detaljer i {log}</translation>
    </message>
    <message>
        <source>the log</source>
        <translation>loggen</translation>
    </message>
</context>
</TS>
