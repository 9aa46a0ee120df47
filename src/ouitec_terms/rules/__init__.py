"""The rules of the terms, one module per clause: client status, calendar, business
windows, segments, rounding, pricing, day rates, mentions, VAT and payment."""
