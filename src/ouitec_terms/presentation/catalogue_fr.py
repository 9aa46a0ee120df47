"""The French catalogue: every word of every rendered document, by message id (the default).

French typography: a no-break space (U+00A0) before a colon and before units, a narrow no-break
space (U+202F) before a semicolon; amounts ``1 234,56 €``, percentages ``13,15 %``, dates
``ven. 14/03/2025``, times ``18:40``.
"""

from __future__ import annotations

from types import MappingProxyType

__all__ = ["FR"]

_ = "\u00a0"  # no-break space
_N = "\u202f"  # narrow no-break space

FR = MappingProxyType(
    {
        # what a line bills
        "label.support": "Assistance",
        "label.travel": "Déplacement",
        "when.business": "heures ouvrées",
        "when.off_hours": "hors heures ouvrées (+{surcharge})",
        "line.work": "{name} — {when}",
        "line.included": "{name} — {when}, incluses au contrat",
        "line.travel_time": "{name} — temps de déplacement, {when}",
        "line.day_overflow": "{name} — au-delà de la journée, {when}",
        "line.travel_distance": "Frais kilométriques depuis le siège de {seat}",
        "line.credit": "Avoir partiel sur la facture {number} (TVA {rate})",
        "line.devis": "Prestation selon le devis signé {reference}",
        "line.day.remote_day": (
            f"Journée complète de travail à distance du {{day}} ({{price}}, jusqu’à{_}{{hours}}{_}h)"
        ),
        "line.day.onsite_day": (
            f"Journée d’intervention physique sur site du {{day}} ({{price}}, jusqu’à{_}{{hours}}{_}h)"
        ),
        "line.day.hourly": f"Journée du {{day}} ({{price}}, jusqu’à{_}{{hours}}{_}h)",
        "line.day_price": f"{{rate}}{_}HT",
        "line.day_floor_price": f"à partir de {{rate}}{_}HT",
        "line.day_surcharge": (
            "Majoration hors heures ouvrées de la journée du {day} (tarif journalier / {hours} par heure)"
        ),
        # quotes
        "quote.title": "Chiffrage{reference}",
        "quote.heading": f"{{title}} — {{client}} ({{status}} le {{day}}, Art.{_}3)",
        "quote.tariff": "Tarif {version}, facturation {mode}, heures de {timezone}, jours fériés de {calendar}",
        "quote.times": (
            f"{{span}}{_N}; temps réel {{raw}}, facturé {{billed}} "
            f"(tout palier de {{step}} commencé est dû, Art.{_}5)"
        ),
        "status.under_contract": "sous contrat",
        "status.not_under_contract": "hors contrat",
        "mode.hourly": "à l’heure",
        "mode.remote_day": "journée à distance",
        "mode.onsite_day": "journée sur site",
        "channel.portal": "l’interface de support",
        "channel.email": "courriel",
        "channel.phone": "téléphone",
        "channel.chat": "chat",
        "money.ht": "HT",
        "total.ht": "Total HT",
        "total.vat": "TVA {rate} sur {base}",
        "total.ttc": "Total TTC",
        "note.included_used": f"Heures incluses au contrat utilisées{_}: {{hours}}",
        "note.mention": f"Mention{_}: {{text}}",
        "note.not_due": (
            f"PAS ENCORE DÛ{_}: demande faite par {{channel}}, due dès que le client la confirme "
            f"par écrit (Art.{_}5)"
        ),
        "mention.vat_not_applicable_cgi_294": "TVA non applicable, art. 294 du CGI",
        "mention.vat_reverse_charge": "Autoliquidation",
        "mention.vat_not_applicable_cgi_259_1": "TVA non applicable, art. 259-1 du CGI",
        "mention.onsite_day_floor": (
            f"Journée d’intervention sur site{_}: à partir de {{value}}{_}HT{_N}; le prix définitif "
            f"est fixé par devis (Art.{_}3, Art.{_}11)."
        ),
        "mention.unsigned_devis": (
            f"Devis {{value}} non signé{_}: la prestation est facturée au tarif et les frais de "
            f"déplacement sont dus (Art.{_}11)."
        ),
        # tables
        "table.heading": "{title}",
        "table.tariff": f"Tarif {{version}}, paliers de {{step}} (Art.{_}5){_N}; heures de {{timezone}}{_N}; jours fériés de {{calendar}}",
        "column.art": "Art.",
        "column.line": "Ligne",
        "column.when": "Quand",
        "column.start": "Début",
        "column.end": "Fin",
        "column.raw": "Temps réel",
        "column.billed": "Facturé",
        "column.price": "Prix",
        "column.quantity": "Qté",
        "column.unit_price": "Prix unitaire",
        "column.surcharge": "Majoration",
        "column.amount": "Montant HT",
        "column.reference": "Référence",
        "column.status_date": "Date",
        "column.mode": "Mode",
        "column.client_status": "Statut du client",
        "column.included": "Incluses",
        "column.note": "Remarque",
        # units
        "unit.h": "h",
        "unit.km": "km",
        "unit.day": "jour",
        "unit.devis": "devis",
        "unit.lump": "forfait",
        "unit.min": "min",
        # statements
        "statement.heading": "Relevé de {month} — {client} (tarif {version})",
        "statement.pool": (
            f"Heures incluses au contrat{_}: enveloppe {{pool}}, utilisées {{used}}, restantes "
            f"{{left}} (Art.{_}3)"
        ),
        "statement.row": f"{{reference}}  {{day}}  {{mode}}, {{status}}, incluses {{used}}{_}: {{amount}}{_}HT",
        "statement.no_reference": "(sans référence)",
        "statement.pending": (
            f"En attente (pas encore dû, Art.{_}5){_}: {{reference}} {{amount}}{_}HT"
        ),
        "statement.outside": f"Hors de {{month}}{_}: {{references}}",
        # imports of time entries (issue 19)
        "import.flags": f"Entrées non facturées{_}: {{count}}",
        "import.no_flags": "Toutes les entrées du mois sont facturées.",
        "import.flag": f"{{source}}{{count}}{_}: {{reason}}{{about}}",
        "import.flag_count": " ({count} entrées)",
        "import.about": " — {what}",
        "import.no_statement": "Aucune intervention facturée en {month}.",
        "import.summary": (
            f"Récapitulatif de {{month}}{_}: {{clients}} client(s), {{interventions}} "
            f"intervention(s){_N}; entrées lues {{read}} = facturées {{priced}} + signalées "
            "{flagged}"
        ),
        "source.row": "ligne {place}",
        "source.rows": "lignes {place}",
        "source.entry": "entrée {place}",
        "source.task": "tâche {place}",
        "source.ticket": "ticket {place}",
        "source.timesheet": "feuille de temps {place}",
        "flag.unexpected_shape": "ligne d’une forme inattendue",
        "flag.unknown_client": "client inconnu du fichier des clients (ajoutez-le ou un alias)",
        "flag.unknown_ticket": "ticket absent de l’export",
        "flag.shared_ticket_name": "nom de ticket partagé par plusieurs tickets",
        "flag.unmapped_value": "valeur que la correspondance (--map) ne traduit pas",
        "flag.outside_month": "hors du mois",
        "flag.not_billable": "non facturable",
        "flag.no_clock_times": f"pas d’heures de début et de fin (les heures ouvrées, Art.{_}3, en dépendent)",
        "flag.duration_mismatch": "durée différente des heures de début et de fin (une pause{_N}? scindez l’entrée)".replace(
            "{_N}", _N
        ),
        "flag.no_distance": f"déplacement sans distance, client sans distance_km (Art.{_}11)",
        "flag.overlap": "chevauche une entrée du même technicien sur le même ticket",
        "flag.mixed_modes": f"modes de facturation différents sur le même ticket (Art.{_}3)",
        "flag.not_an_intervention": "ne forme pas une intervention valable",
        "flag.statement_limit": "dépasse les limites d’un relevé",
        # the invoice book (issue 20)
        "balance.none": "Aucune facture dans le livre.",
        "balance.heading": "Soldes au {on}",
        "balance.row": (
            f"{{number}}  {{client}}  émise le {{issued}}, échéance {{due}}{_}: total "
            f"{{total}} TTC, payé {{paid}}, avoirs {{credited}}, reste dû {{outstanding}} — "
            "{status}"
        ),
        "balance.late": (
            f"{{days}}{_}jour(s) de retard{_}: intérêts {{interest}}, indemnité forfaitaire "
            "{indemnity} ({articles})"
        ),
        "balance.penalties": f"pénalités facturées{_}: {{billed}}, reste dû{_}: {{left}}",
        "balance.refund": f"à rembourser au client{_}: {{amount}}",
        "balance.total": f"Reste dû{_}: {{outstanding}}{_N}; dû pour retard{_}: {{late}}",
        "balance.status.not_due": "à échoir",
        "balance.status.part_paid": "partiellement payée",
        "balance.status.overdue": "échue",
        "balance.status.paid": "payée",
        "balance.status.settled_by_credit": "soldée par avoir",
        "reminder.title": "Relance — facture {number}",
        "reminder.formal": "Mise en demeure de payer — facture {number}",
        "reminder.from": "{seller} à {client}, le {on}",
        "reminder.body": (
            "Notre facture {number} du {issued}, d’un montant de {total} TTC, était payable le "
            f"{{due}} (Art.{_}4 de nos conditions générales de vente){_N}: elle est en retard de "
            f"{{days}}{_}jour(s)."
        ),
        "reminder.outstanding": f"Reste dû{_}: {{amount}} TTC.",
        "reminder.interest": (
            f"Pénalités de retard{_}: {{amount}}, au taux de la BCE majoré de {{points}} points "
            "(Code de commerce L441-10)."
        ),
        "reminder.indemnity": (
            f"Indemnité forfaitaire pour frais de recouvrement{_}: {{amount}} (Code de commerce "
            "L441-10 et D441-5)."
        ),
        "reminder.total": f"Total à régler{_}: {{amount}}.",
        "reminder.close": "Merci de procéder au règlement par virement dans les meilleurs délais.",
        "reminder.formal_close": (
            f"Nous vous mettons en demeure de régler cette somme sous {{days}}{_}jours à "
            "réception de la présente, faute de quoi nous engagerons une procédure de "
            "recouvrement."
        ),
        "vat_due.heading": "TVA due pour {month} ({regime})",
        "vat_due.receipts": "sur les encaissements",
        "vat_due.debits": "sur les débits",
        "vat_due.row": f"TVA {{rate}}{_}: base {{base}}, taxe {{tax}}",
        "vat_due.total": f"Total de la TVA due{_}: {{amount}} ({{article}})",
        "cap.heading": (
            f"Plafond de responsabilité de {{client}} au {{on}} ({{article}}{_}: montants "
            "effectivement payés)"
        ),
        "cap.total": f"Plafond{_}: {{amount}}",
        # what the book and ecb commands report (issues 20-22)
        "book.created": f"{{path}}{_}: livre de factures créé",
        "book.verified": (
            f"{{path}}{_}: {{count}} enregistrement(s){_N}; intégrité, chaîne des empreintes et "
            "numérotation vérifiées"
        ),
        "book.exported": "{count} document(s) et SHA256SUMS écrits dans {folder}",
        "book.journal": f"{{code}}{_}: {{entries}} écriture(s), débit {{debit}}, crédit {{credit}}",
        "init.written": "{count} fichier(s) de départ écrit(s) dans {folder} : {files}",
        "init.next": "Essayez, depuis ce dossier : ouitec-terms quote quote.toml ; ouitec-terms statement statement.toml --month 2025-06 ; ouitec-terms import entries.csv --clients clients.toml --month 2025-06 ; ouitec-terms invoice quote.toml --seller seller.toml --number F-2025-0001 --issued 2025-03-17",
        # progress of long work, on a terminal's standard error
        "progress.reading": "lecture des saisies : {count}",
        "progress.pricing": "calcul de {count} intervention(s)…",
        "progress.drawing": "dessin du PDF : {count} ligne(s)…",
        "ecb.row": "{half}  {rate}",
        "ecb.added": "  (ajouté par ecb set)",
        "ecb.set": "{half} = {rate} (taux de refinancement principal de la BCE), conservé dans {path}",
        # comparisons
        "compare.heading": f"Modes de facturation comparés (Art.{_}3) — {{client}}",
        "compare.cheapest": "← le moins cher",
        "compare.not_advisable": "(réservé{_N}; pas un mode pour une intervention sur site)".replace(
            "{_N}", _N
        ),
        "compare.saving": "Le mode «{_}{mode}{_}» coûte {saving}{_}HT de moins que le suivant.".replace(
            "{_}", _
        ),
        # late payments
        "half.1": "1er semestre {year}",
        "half.2": "2d semestre {year}",
        "late.heading": (
            f"Facture de {{amount}}{_}TTC échue le {{due}}, payée le {{paid}}{_}: {{days}}{_}jour(s) "
            f"de retard (Art.{_}4)"
        ),
        "late.portion": (
            f"{{half}}{_}: {{days}}{_}jour(s) du {{first}} au {{last}} au taux BCE {{ecb}} + {{points}} points "
            f"= {{rate}}{_}: {{amount}} × {{rate}} × {{days}} / {{year_days}} = {{interest}} ({{article}})"
        ),
        "late.interest": f"Intérêts de retard{_}: {{amount}}",
        "late.indemnity": (
            f"Indemnité forfaitaire pour frais de recouvrement{_}: {{amount}} (Code de commerce "
            "D441-5, par facture, hors TVA)"
        ),
        "late.total": f"Total dû pour retard de paiement{_}: {{amount}}",
        # the calendar command
        "calendar.heading": (
            f"Heures ouvrées (Art.{_}3){_}: {{days}}, {{window}}, sauf ({{place}}, {{year}}){_}:"
        ),
        # 1 May, the one name the holidays package spells in US English only (Labor Day)
        "calendar.labour_day": "Fête du Travail",
        "calendar.count": (
            f"{{count}} jours ouvrés en {{year}}{_N}; toute autre minute est hors heures ouvrées "
            "(+{surcharge})."
        ),
        # the words of the plots of the explore module
        "plot.heatmap_title": "Coût d’une intervention de {hours} selon son heure de début — semaine du {week}\n{client}, tarif {version} ({timezone})",
        "plot.heatmap_days": "Jour (jours fériés nommés et hachurés)",
        "plot.heatmap_starts": "Heure de début",
        "plot.price_axis": "Prix (€ HT)",
        # invoices and credit notes (C. com. L441-9, L441-10, D441-5; CGI ann. II art. 242 nonies A)
        "invoice.title.invoice": "FACTURE n° {number}",
        "invoice.title.credit_note": "AVOIR n° {number}",
        "invoice.issued": f"Date d’émission{_}: {{day}}",
        "invoice.due": f"Date d’échéance{_}: {{day}}",
        "invoice.seller": "{name}, {form} au capital de {capital}, RCS {city} {siren}",
        "invoice.siren": "SIREN {siren}",
        "invoice.siret": "SIRET {siret}",
        "invoice.vat_number": "TVA intracommunautaire {vat}",
        "invoice.client": f"Client{_}: {{name}}",
        "invoice.nature": f"Nature de l’opération{_}: prestations de services, du {{start}} au {{end}}",
        "invoice.column.number": "N°",
        "invoice.column.description": "Désignation",
        "invoice.column.dates": "Date(s)",
        "invoice.column.quantity": "Quantité",
        "invoice.column.unit_price": "Prix unitaire HT",
        "invoice.column.amount": "Montant HT",
        "invoice.payment": (
            f"Paiement par virement bancaire à {{days}} jours de la réception de la facture (Art.{_}4), "
            f"reçue le {{received}}{_}: au plus tard le {{due}}. IBAN{_}: {{iban}}"
        ),
        "invoice.no_discount": "Pas d’escompte pour paiement anticipé.",
        "invoice.penalties": (
            f"Pénalités de retard{_}: taux de refinancement de la BCE majoré de {{points}} points "
            "(C. com. L441-10)."
        ),
        "invoice.indemnity": (
            f"Indemnité forfaitaire pour frais de recouvrement{_}: {{amount}} (C. com. D441-5)."
        ),
        "invoice.vat_on_debits": "Option pour le paiement de la taxe d’après les débits.",
        "invoice.credits": f"Avoir sur la facture n° {{number}} du {{day}}{_}: {{reason}}",
        "invoice.refund": "Montant de l’avoir imputé sur les prochaines factures, ou remboursé par virement sur demande.",
        "invoice.payment_capped": (
            f"Paiement par virement bancaire au plus tard le {{due}}, {{cap}}{_}jours après l’émission "
            f"de la facture (C.{_}com. L441-10{_}I), la facture reçue le {{received}}. IBAN{_}: {{iban}}"
        ),
        "invoice.purchase_order": f"Bon de commande du client{_}: {{reference}}",
        "invoice.buyer_reference": f"Référence du client{_}: {{reference}}",
        # the names of the weekdays (abbreviated), then of the months
        "weekday.1": "lun.",
        "weekday.2": "mar.",
        "weekday.3": "mer.",
        "weekday.4": "jeu.",
        "weekday.5": "ven.",
        "weekday.6": "sam.",
        "weekday.7": "dim.",
        "month.1": "janvier",
        "month.2": "février",
        "month.3": "mars",
        "month.4": "avril",
        "month.5": "mai",
        "month.6": "juin",
        "month.7": "juillet",
        "month.8": "août",
        "month.9": "septembre",
        "month.10": "octobre",
        "month.11": "novembre",
        "month.12": "décembre",
    }
)
