<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Intake dock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Intake dock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version {version}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Station</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Built with</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Actions</name>
    <message>
        <source>Orders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the order to receive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receiving</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan units of the current order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New pallet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a new pallet with our own pallet id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close pallet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close the current pallet with its weight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pallet label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print the current pallet&apos;s label again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reconcile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected against received; sign off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import a customer&apos;s expected list into an order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scanner check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the scanner&apos;s set-up with the test sheet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Labels and receipts waiting or failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send and fetch intake with the central database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Station, scanner, printers, language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full screen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full screen on or off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version and where this station keeps its data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign out and hand the station over</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close the dock application</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Category</name>
    <message>
        <source>Laptop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Desktop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Monitor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Smartphone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tablet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thin client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Docking station</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Network equipment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Peripheral</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cables and chargers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CategoryChart</name>
    <message>
        <source>Expected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ClosePalletDialog</name>
    <message>
        <source>Close pallet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close pallet {code}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Units on it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not weighed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weight</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Feedback</name>
    <message>
        <source>Ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan the pallet label, then the units on it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Matched</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extra</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Near match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pallet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Our label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label {label}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extra: not on any list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{code} received as an extra, label {label}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep it on the pallet: the supervisor checks the extras.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (signed off)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{code} is on the list of {order}{closed}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put it aside: belongs to {order} {customer}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the serial number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{code} is close to a unit on the list, but not the same</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the serial from the sticker by hand, or receive it as an extra.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Did you mean {expected}? {edit}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare with the sticker, then confirm or reject.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Our label {label}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received on {order} {when} at {station}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Already received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put it aside for the supervisor.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> on {order}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received{where} {when} at {station} by {operator}, label {label}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New pallet opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed pallet reopened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Now receiving onto this pallet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pallet {code}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan the units on it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pallet of another order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This pallet belongs to {order} {customer}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open that order to receive onto this pallet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Empty read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not a readable code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan again, or type the serial number by hand.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too long for a serial number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan the serial number barcode, not another label.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too short for a serial number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Product code (EAN/GTIN), not a serial number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan the serial number barcode.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Part number, not a serial number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Our label, but unknown at this station</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync this station, then scan again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open that order to receive onto it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GS1 code without a serial number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;{scanned}&apos; where the list has &apos;{expected}&apos; (position {pos})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an extra &apos;{scanned}&apos; at position {pos}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;{expected}&apos; missing at position {pos}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;{scanned}&apos; swapped at position {pos}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask a supervisor.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the name and PIN.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tell the supervisor; the scan was not recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fix this, then scan again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirmed by the operator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received as an extra, label {label}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Serial number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asset tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manufacturer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import an expected list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV or Excel file from the customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import the valid rows and skip the rows with errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First rows of the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lists (*.csv *.txt *.tsv *.xlsx);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading {file}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>separator {sep}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sheet {sheet}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{where}; header on line {line}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(not in the file)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the list before importing it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Two fields point to the same column: choose one column per field.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} rows read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported {units} units and {counts} count lines into {order}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{rows} rows: {units} units, {counts} count lines; {errors} errors, {warnings} warnings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing can be imported until the errors are fixed (or skipped).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was written yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>warning</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Integrations</name>
    <message>
        <source>Printing is not set up at this station.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No label printer is set up at this station.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipts are not set up at this station.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No central database is set up for this station.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No camera is set up at this station.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No receipt printer is set up at this station.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Camera: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Intake dock · {station}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>More</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in: {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close the dialog before scanning ({code} was not recorded).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pallet {code}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New pallet opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stick its label on, then scan the units.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No pallet is open: scan a pallet label first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, {kg} kg</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pallet {code} closed{kg}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} units on it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan the next pallet&apos;s label.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No pallet is open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pallet label {code} sent to the printer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported {units} units into {order}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Station and database changes take effect at the next start.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ManualMatchDialog</name>
    <message>
        <source>Match by hand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unit {label}, scanned as {serial}: which expected unit is it?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search the missing units</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Serial number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asset tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason (required), e.g. the list has a typo in the serial</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Match</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MoveUnitDialog</name>
    <message>
        <source>Move to another pallet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move unit {unit} from {pallet} to:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pallet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NearMatchPanel</name>
    <message>
        <source>Scanned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On the list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes, it is this unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No: receive as an extra</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes, it is {expected}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NewOrderDialog</name>
    <message>
        <source>New order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The customer&apos;s reference, e.g. their case number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The order number is given automatically.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OrderCounters</name>
    <message>
        <source>Order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>matched / expected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>extras</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>duplicates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>wrong order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>matched</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OrdersPage</name>
    <message>
        <source>Search: customer, order number or reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show signed-off orders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>signed off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Matched / expected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extras</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reconcile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import list…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New order…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose an order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan or type the order number, the customer or their reference.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Page</name>
    <message>
        <source>Scans are not used on this page.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PalletCounters</name>
    <message>
        <source>Pallet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>units</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>matched</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>extras</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>duplicates</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PrintQueuePage</name>
    <message>
        <source>waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>printing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>printed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unit label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pallet label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>receipt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reprint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Labels and receipts wait here while a printer is busy or away; nothing at the dock waits for them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No printer is set up at this station. Labels and receipts will queue here once printing is set up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a print job first.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Void scan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Void the scan of {what}? It stays in the history but no longer counts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scanned by mistake</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scanned twice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong unit: not part of this delivery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Match by hand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Count unit {unit} (scanned {serial}) as the expected {expected}?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Serial on the list was mistyped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Matched by asset tag on the unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replacement part: same unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Void unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Void unit {unit} ({serial})? Its scan stays in the history but the unit no longer counts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not part of this delivery</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReceiptDialog</name>
    <message>
        <source>Receipt {order}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt (PDF)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print receipt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipts are not set up at this station: print and PDF come with the printing module. The reconciliation can be saved as CSV.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No receipt printer is set up at this station: save the PDF and print it elsewhere.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed off {at} by {by}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not signed off yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt sent to the printer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save receipt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved {file}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save reconciliation</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReceivingPage</name>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (void)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pallet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Serial number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asset tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Void scan…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reprint label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recent scans</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search the list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blind receiving: the expected list is hidden. Scan every unit on the pallet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a code by hand and press Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No order chosen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No pallet: scan a pallet label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pallet {code} ({state})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose an order first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Still expected: {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a scan in the list first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That scan is already void.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan voided</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label {label} no longer counts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take the label off the unit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a scan that received a unit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label {label} sent to the printer</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReconcilePage</name>
    <message>
        <source>Expected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Matched</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extras</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duplicates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pallet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By pallet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Serial number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asset tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search the missing units</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search the extras</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search the received units</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counted items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Match by hand…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Void unit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move to pallet…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign off…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reopen…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No order chosen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duplicates and wrong order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed off {at} by {by}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open. The order balances: it can be signed off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open. The order does not balance yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>duplicate of {label}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>scanned again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>belongs to {order}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{code} is in none of the lists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select an extra unit first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unit {label} matched</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a unit in Extras or Received first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unit {label} voided</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unit {label} moved to {pallet}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{order} signed off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reopen order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reopen {order} for more scans or corrections?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{order} reopened</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <source>operator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>supervisor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>admin</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ScannerCheck</name>
    <message>
        <source>QR code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>US English</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Swedish/Nordic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>German</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyboard layout: right.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Caps Lock is on: every letter arrives in the wrong case. Turn Caps Lock off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyboard layout: the code arrived as {got} instead of {expected}. Check the scanner&apos;s keyboard country.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suffix: Enter. Right.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suffix: Tab. Works; Enter is recommended.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No suffix: the scanner sends no Enter after a code. Program an Enter (CR) suffix.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Codes end differently (Enter and Tab): program one suffix, Enter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings expect the prefix {prefix}, but the scanner does not send it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings expect the suffix {suffix}, but the scanner does not send it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The scanner sends {prefix} before every code: enter it as the prefix in Settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The scanner sends {suffix} after every code: enter it as the suffix in Settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The scanner sends symbology identifiers (such as ]C1): fine, they are understood.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{symbology}: read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{symbology}: not read. Enable it in the scanner, or scan it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{symbology}: not scanned yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{symbology} is on: better switched off (a partial read looks like a short code).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GS1 separators: sent. Right.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GS1 separators are dropped: codes with several fields cannot be split. Enable sending GS (ASCII 29).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read {got}: not a code from the test sheet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyboard layout: the scanner types {scanner} but this PC expects {host}; &apos;-&apos; and &apos;/&apos; arrive as other characters. Set the scanner&apos;s keyboard country to {host}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Caps Lock is on as well.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ScannerCheckPage</name>
    <message>
        <source>Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arrived as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the test sheet (PDF)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the test sheet…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scanner check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print the test sheet, scan codes 1 to 7 from the top, then press Finish. The check tells whether the scanner&apos;s keyboard layout, suffix and barcode types are set right for this PC.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for the first code…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} problem(s) to fix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The scanner is set up right.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>So far so good: keep scanning.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved {file}; no PDF viewer opened it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the test sheet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved {file}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>Station</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scanner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receiving</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language and screen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Camera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Central database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No printing module is installed at this station yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No camera module is installed at this station yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No sync module is installed at this station yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Station database (empty: the local file)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Station name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operator for the command line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start in full screen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blind receiving (operators do not see what is expected)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print the unit label when a unit is received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sounds for scan results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prefix the scanner sends (e.g. \x02)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suffix the scanner sends before Enter/Tab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Longest gap between a scanner&apos;s keys (ms)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shortest code (characters)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Serial scanner port (empty: none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Serial scanner speed (baud)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Central database URL (the password is kept in the keyring)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS to the central database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CA certificate of the central database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seconds to wait for the central database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seconds between background syncs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows per sync batch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use a camera as a scanner on the receiving page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Camera number (0 = the first), or a video file to replay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image width (pixels)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image height (pixels)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Frames per second</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exposure (0: automatic)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Focus (-1: autofocus)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read only inside the aim box</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aim box width (share of the image)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aim box height (share of the image)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Frames a code must be seen in before it scans</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seconds before the same code scans again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also read light codes on dark ground (slower)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Second decoder for hard codes (reads confirmed first)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decoding threads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printers (JSON: name, driver, format and the driver&apos;s options)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printer for unit and pallet labels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printer for receipts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unit label size (mm, width x height)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pallet label size (mm, width x height)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language on labels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language on receipts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Our company&apos;s name on receipts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time zone of dates on labels and receipts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print the final receipt at sign-off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seconds before retrying a printer that is down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Longest wait between retries (seconds)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seconds to wait for a printer to answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{key}: not valid JSON ({error})</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>* takes effect when the application starts again</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SignInPage</name>
    <message>
        <source>Scan your badge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The scanner works wherever the cursor is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Or with your PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Station {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not signed in: wrong PIN or unknown badge.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SignOffDialog</name>
    <message>
        <source>Sign off {order}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign off {order} · {customer}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Matched</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extras</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duplicates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The order balances.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The order does not balance: say why it is signed off anyway.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason (required)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After sign-off no more scans are accepted on this order; the receipt can be issued.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign off</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StatusPanel</name>
    <message>
        <source>Station {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scanner: keyboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Serial scanner: connecting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Serial scanner: ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Serial scanner: not connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Serial scanner: stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printing: not set up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print queue: {waiting} waiting, {failed} failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync: not set up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync: {online}, last {last}, {rows} rows waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Working… ({n})</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TaskRunner</name>
    <message>
        <source>Internal error ({name}: {text}); details in {log}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the log</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
