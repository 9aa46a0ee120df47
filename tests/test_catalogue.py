"""The catalogue of services of Art. 2, as data."""

from __future__ import annotations

from ouitec_terms import Service, ServiceFamily, services_of


def test_catalogue_has_seven_families_and_28_services() -> None:
    """Art. 2 lists 7 headings and 28 services (4 + 8 + 2 + 3 + 5 + 3 + 3)."""
    assert len(ServiceFamily) == 7
    counts = [len(services_of(f)) for f in ServiceFamily]
    assert counts == [4, 8, 2, 3, 5, 3, 3]
    assert sum(counts) == len(Service) == 28


def test_every_service_has_a_label_and_family() -> None:
    """Each service carries the wording of the terms and the heading it stands under."""
    assert Service.WAF.label == "Pare-feu Applicatif (WAF)"
    assert Service.WAF.family is ServiceFamily.CYBERSECURITY
    assert all(s.label and s.family in ServiceFamily for s in Service)
    assert len({s.label for s in Service}) == len(Service)
