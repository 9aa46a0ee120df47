"""The English catalogue: every word of every rendered document, by message id (on request).

Same ids as the French catalogue (a test checks it). English typography: amounts ``€1,234.56``,
percentages ``13.15%``, dates ``Fri 14/03/2025``, times ``18:40``.
"""

from __future__ import annotations

from types import MappingProxyType

__all__ = ["EN"]

_ = "\u00a0"  # no-break space

EN = MappingProxyType(
    {
        # what a line bills
        "label.support": "Support",
        "label.travel": "Travel",
        "when.business": "business hours",
        "when.off_hours": "off-hours (+{surcharge})",
        "line.work": "{name} — {when}",
        "line.included": "{name} — {when}, included in the contract",
        "line.travel_time": "{name} — travel time, {when}",
        "line.day_overflow": "{name} — beyond the day, {when}",
        "line.travel_distance": "Travel distance from the head office in {seat}",
        "line.credit": "Partial credit on invoice {number} (VAT {rate})",
        "line.devis": "Work as per signed quote {reference}",
        "line.day.remote_day": f"Full remote working day of {{day}} ({{price}}, up to{_}{{hours}}{_}h)",
        "line.day.onsite_day": f"On-site working day of {{day}} ({{price}}, up to{_}{{hours}}{_}h)",
        "line.day.hourly": f"Day of {{day}} ({{price}}, up to{_}{{hours}}{_}h)",
        "line.day_price": "{rate} excl. VAT",
        "line.day_floor_price": "from {rate} excl. VAT",
        "line.day_surcharge": "Off-hours surcharge on the day of {day} (day rate / {hours} per hour)",
        # quotes
        "quote.title": "Quote{reference}",
        "quote.heading": f"{{title}} — {{client}} ({{status}} on {{day}}, Art.{_}3)",
        "quote.tariff": "Tariff {version}, billed {mode}, times in {timezone}, public holidays of {calendar}",
        "quote.times": (
            f"{{span}}; raw {{raw}}, billed {{billed}} (every started step of {{step}} is due, "
            f"Art.{_}5)"
        ),
        "status.under_contract": "under contract",
        "status.not_under_contract": "not under contract",
        "mode.hourly": "by the hour",
        "mode.remote_day": "remote day",
        "mode.onsite_day": "on-site day",
        "channel.portal": "the support portal",
        "channel.email": "email",
        "channel.phone": "phone",
        "channel.chat": "chat",
        "money.ht": "excl. VAT",
        "total.ht": "Total excl. VAT",
        "total.vat": "VAT {rate} on {base}",
        "total.ttc": "Total incl. VAT",
        "note.included_used": "Included contract hours used: {hours}",
        "note.mention": "Mention: {text}",
        "note.not_due": (
            f"NOT YET DUE: request made by {{channel}}, due once the client confirms it in writing "
            f"(Art.{_}5)"
        ),
        "mention.vat_not_applicable_cgi_294": "VAT not applicable, art. 294 of the CGI",
        "mention.vat_reverse_charge": "Reverse charge",
        "mention.vat_not_applicable_cgi_259_1": "VAT not applicable, art. 259-1 of the CGI",
        "mention.onsite_day_floor": (
            f"On-site working day: from {{value}} excl. VAT; the final price is set by a quote "
            f"(Art.{_}3, Art.{_}11)."
        ),
        "mention.unsigned_devis": (
            f"Quote {{value}} not signed: the work is billed at the tariff and travel is due "
            f"(Art.{_}11)."
        ),
        # tables
        "table.heading": "{title}",
        "table.tariff": f"Tariff {{version}}, steps of {{step}} (Art.{_}5); times in {{timezone}}; public holidays of {{calendar}}",
        "column.art": "Art.",
        "column.line": "Line",
        "column.when": "When",
        "column.start": "Start",
        "column.end": "End",
        "column.raw": "Raw",
        "column.billed": "Billed",
        "column.price": "Price",
        "column.quantity": "Qty",
        "column.unit_price": "Unit price",
        "column.surcharge": "Surcharge",
        "column.amount": "Amount excl. VAT",
        "column.reference": "Reference",
        "column.status_date": "Date",
        "column.mode": "Mode",
        "column.client_status": "Client status",
        "column.included": "Included",
        "column.note": "Note",
        # units
        "unit.h": "h",
        "unit.km": "km",
        "unit.day": "day",
        "unit.devis": "quote",
        "unit.lump": "lump sum",
        "unit.min": "min",
        # statements
        "statement.heading": "Statement for {month} — {client} (tariff {version})",
        "statement.pool": (
            f"Included contract hours: pool {{pool}}, used {{used}}, left {{left}} (Art.{_}3)"
        ),
        "statement.row": "{reference}  {day}  {mode}, {status}, included {used}: {amount} excl. VAT",
        "statement.no_reference": "(no reference)",
        "statement.pending": f"Pending (not yet due, Art.{_}5): {{reference}} {{amount}} excl. VAT",
        "statement.outside": "Not in {month}: {references}",
        # imports of time entries (issue 19)
        "import.flags": "Entries not priced: {count}",
        "import.no_flags": "Every entry of the month is priced.",
        "import.flag": "{source}{count}: {reason}{about}",
        "import.flag_count": " ({count} entries)",
        "import.about": " — {what}",
        "import.no_statement": "No intervention priced in {month}.",
        "import.summary": (
            "Summary of {month}: {clients} client(s), {interventions} intervention(s); entries "
            "read {read} = priced {priced} + flagged {flagged}"
        ),
        "source.row": "row {place}",
        "source.rows": "rows {place}",
        "source.entry": "entry {place}",
        "source.task": "task {place}",
        "source.ticket": "ticket {place}",
        "source.timesheet": "timesheet {place}",
        "flag.unexpected_shape": "a row of an unexpected shape",
        "flag.unknown_client": "a client the clients file does not know (add it, or an alias)",
        "flag.unknown_ticket": "a ticket the export does not hold",
        "flag.shared_ticket_name": "a ticket name several tickets share",
        "flag.unmapped_value": "a value the mapping (--map) does not translate",
        "flag.outside_month": "outside the month",
        "flag.not_billable": "not billable",
        "flag.no_clock_times": f"no start and end times (business hours, Art.{_}3, depend on them)",
        "flag.duration_mismatch": "a duration that differs from its start and end (a break? split the entry)",
        "flag.no_distance": f"travel without a distance, for a client without distance_km (Art.{_}11)",
        "flag.overlap": "overlaps an entry of the same technician on the same ticket",
        "flag.mixed_modes": f"different billing modes on one ticket (Art.{_}3)",
        "flag.not_an_intervention": "does not make a valid intervention",
        "flag.statement_limit": "beyond a statement's limits",
        # the invoice book (issue 20)
        "balance.none": "No invoice in the book.",
        "balance.heading": "Balances on {on}",
        "balance.row": (
            "{number}  {client}  issued {issued}, due {due}: total {total} incl. VAT, paid "
            "{paid}, credited {credited}, outstanding {outstanding} — {status}"
        ),
        "balance.late": (
            "{days} day(s) late: interest {interest}, fixed recovery indemnity {indemnity} "
            "({articles})"
        ),
        "balance.penalties": "penalties billed: {billed}, outstanding: {left}",
        "balance.refund": "to refund to the client: {amount}",
        "balance.total": "Outstanding: {outstanding}; owed for late payment: {late}",
        "balance.status.not_due": "not yet due",
        "balance.status.part_paid": "part-paid",
        "balance.status.overdue": "overdue",
        "balance.status.paid": "paid",
        "balance.status.settled_by_credit": "settled by credit note",
        "reminder.title": "Reminder — invoice {number}",
        "reminder.formal": "Formal notice to pay — invoice {number}",
        "reminder.from": "{seller} to {client}, {on}",
        "reminder.body": (
            "Our invoice {number} of {issued}, for {total} incl. VAT, was due on {due} "
            f"(Art.{_}4 of our terms of sale): it is {{days}} day(s) late."
        ),
        "reminder.outstanding": "Outstanding: {amount} incl. VAT.",
        "reminder.interest": (
            "Late-payment interest: {amount}, at the ECB rate plus {points} points (Code de "
            "commerce L441-10)."
        ),
        "reminder.indemnity": (
            "Fixed recovery indemnity: {amount} (Code de commerce L441-10 and D441-5)."
        ),
        "reminder.total": "Total to pay: {amount}.",
        "reminder.close": "Please pay by bank transfer at your earliest convenience.",
        "reminder.formal_close": (
            "We give you formal notice to pay this sum within {days} days of receiving this "
            "letter, failing which we will start recovery proceedings."
        ),
        "vat_due.heading": "VAT due for {month} ({regime})",
        "vat_due.receipts": "on receipts",
        "vat_due.debits": "on debits",
        "vat_due.row": "VAT {rate}: base {base}, tax {tax}",
        "vat_due.total": "Total VAT due: {amount} ({article})",
        "cap.heading": "Liability cap of {client} on {on} ({article}: amounts actually paid)",
        "cap.total": "Cap: {amount}",
        # what the book and ecb commands report (issues 20-22)
        "book.created": "{path}: invoice book created",
        "book.verified": "{path}: {count} record(s); integrity, hash chain and numbering verified",
        "book.exported": "{count} document(s) and SHA256SUMS written to {folder}",
        "book.journal": "{code}: {entries} entries, debit {debit}, credit {credit}",
        "init.written": "{count} starter file(s) written to {folder}: {files}",
        "init.next": "Try, from there: ouitec-terms quote quote.toml; ouitec-terms statement statement.toml --month 2025-06; ouitec-terms import entries.csv --clients clients.toml --month 2025-06; ouitec-terms invoice quote.toml --seller seller.toml --number F-2025-0001 --issued 2025-03-17",
        # progress of long work, on a terminal's standard error
        "progress.reading": "reading time entries: {count}",
        "progress.pricing": "pricing {count} intervention(s)…",
        "progress.drawing": "drawing the PDF: {count} line(s)…",
        "ecb.row": "{half}  {rate}",
        "ecb.added": "  (added by ecb set)",
        "ecb.set": "{half} = {rate} (ECB main refinancing rate), kept in {path}",
        # comparisons
        "compare.heading": f"Billing modes compared (Art.{_}3) — {{client}}",
        "compare.cheapest": "← cheapest",
        "compare.not_advisable": "(booked; not a mode for on-site work)",
        "compare.saving": "“{mode}” costs {saving} excl. VAT less than the next mode.",
        # late payments
        "half.1": "H1 {year}",
        "half.2": "H2 {year}",
        "late.heading": (
            f"Invoice of {{amount}} incl. VAT due {{due}}, paid {{paid}}: {{days}} day(s) late "
            f"(Art.{_}4)"
        ),
        "late.portion": (
            "{half}: {days} day(s) from {first} to {last} at the ECB rate {ecb} + {points} points = "
            "{rate}: {amount} × {rate} × {days} / {year_days} = {interest} ({article})"
        ),
        "late.interest": "Late-payment interest: {amount}",
        "late.indemnity": (
            "Fixed recovery indemnity: {amount} (Code de commerce D441-5, per invoice, outside VAT)"
        ),
        "late.total": "Total due for late payment: {amount}",
        # the calendar command
        "calendar.heading": f"Business hours (Art.{_}3): {{days}}, {{window}}, except ({{place}}, {{year}}):",
        # 1 May, the one name the holidays package spells in US English only (Labor Day)
        "calendar.labour_day": "Labour Day",
        "calendar.count": (
            "{count} business days in {year}; every other minute is off-hours (+{surcharge})."
        ),
        # the words of the plots of the explore module
        "plot.heatmap_title": "Cost of a {hours} intervention by start time — week of {week}\n{client}, tariff {version} ({timezone})",
        "plot.heatmap_days": "Day (public holidays named and hatched)",
        "plot.heatmap_starts": "Start time",
        "plot.price_axis": "Price (€ excl. VAT)",
        # invoices and credit notes (C. com. L441-9, L441-10, D441-5; CGI ann. II art. 242 nonies A)
        "invoice.title.invoice": "INVOICE No. {number}",
        "invoice.title.credit_note": "CREDIT NOTE No. {number}",
        "invoice.issued": "Issue date: {day}",
        "invoice.due": "Due date: {day}",
        "invoice.seller": "{name}, {form} with a share capital of {capital}, RCS {city} {siren}",
        "invoice.siren": "SIREN {siren}",
        "invoice.siret": "SIRET {siret}",
        "invoice.vat_number": "VAT number {vat}",
        "invoice.client": "Client: {name}",
        "invoice.nature": "Nature of the operation: services, from {start} to {end}",
        "invoice.column.number": "No.",
        "invoice.column.description": "Description",
        "invoice.column.dates": "Date(s)",
        "invoice.column.quantity": "Quantity",
        "invoice.column.unit_price": "Unit price excl. VAT",
        "invoice.column.amount": "Amount excl. VAT",
        "invoice.payment": (
            f"Payment by bank transfer {{days}} days after the invoice is received (Art.{_}4), received "
            "on {received}: by {due} at the latest. IBAN: {iban}"
        ),
        "invoice.no_discount": "No discount for early payment.",
        "invoice.penalties": (
            "Late-payment penalties: the ECB refinancing rate plus {points} points "
            "(C. com. L441-10)."
        ),
        "invoice.indemnity": "Fixed recovery indemnity: {amount} (C. com. D441-5).",
        "invoice.vat_on_debits": "VAT is paid on debits (option chosen by the seller).",
        "invoice.credits": "Credit note on invoice No. {number} of {day}: {reason}",
        "invoice.refund": "The amount credited is set against the next invoices, or refunded by bank transfer on request.",
        "invoice.payment_capped": (
            f"Payment by bank transfer by {{due}} at the latest, {{cap}} days after the invoice was "
            f"issued (C.{_}com. L441-10{_}I), the invoice received on {{received}}. IBAN: {{iban}}"
        ),
        "invoice.purchase_order": "Client's purchase order: {reference}",
        "invoice.buyer_reference": "Client's reference: {reference}",
        # the names of the weekdays (abbreviated), then of the months
        "weekday.1": "Mon",
        "weekday.2": "Tue",
        "weekday.3": "Wed",
        "weekday.4": "Thu",
        "weekday.5": "Fri",
        "weekday.6": "Sat",
        "weekday.7": "Sun",
        "month.1": "January",
        "month.2": "February",
        "month.3": "March",
        "month.4": "April",
        "month.5": "May",
        "month.6": "June",
        "month.7": "July",
        "month.8": "August",
        "month.9": "September",
        "month.10": "October",
        "month.11": "November",
        "month.12": "December",
    }
)
