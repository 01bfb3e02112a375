"""Labels and receipts: content -> render -> spool -> driver.

* :mod:`.content`: what a label or receipt says (frozen data, built by the services);
* :mod:`.layout`, :mod:`.labels`: a label template's rows placed on a label, in millimetres;
* :mod:`.zpl`, :mod:`.pdf_labels`, :mod:`.receipt_pdf`: renderers, pure (content in, bytes out);
* :mod:`.barcodes`: Code 128 / GS1-128 encoded once for both renderers;
* :mod:`.drivers`: deliver bytes to a printer and report its status (TCP 9100, CUPS, folder);
* the spool and its worker are services (:mod:`intake_app.services.spool`, ``.print_worker``).
"""
