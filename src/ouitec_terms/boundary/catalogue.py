"""The catalogue of services of Art. 2, as data.

Art. 2 lists seven families and, under them, 28 services. A contract (Art. 3) may be for any of
them. Each member's value is a stable ASCII slug (what documents use); ``label`` is the wording of
the terms and ``family`` the heading it stands under.

```pycon
>>> Service("pare-feu-zero-trust").label
'Pare-feu « Zero Trust »'
>>> Service.SOC.family.label
'Cyber Sécurité'
>>> len(Service), len(ServiceFamily)
(28, 7)

```
"""

from __future__ import annotations

from enum import StrEnum

__all__ = ["Service", "ServiceFamily", "services_of"]


class ServiceFamily(StrEnum):
    """The seven headings of Art. 2."""

    INFRASTRUCTURE = "infrastructure"
    CYBERSECURITY = "cyber-securite"
    VOICE_OVER_IP = "voix-sur-ip"
    EMAIL = "courrier-electronique"
    WEB = "web"
    INTEGRATION = "integration"
    MANAGED_SERVICES = "infogerance"

    @property
    def label(self) -> str:
        """The heading as the terms write it."""
        return _FAMILY_LABELS[self]


_FAMILY_LABELS: dict[ServiceFamily, str] = {
    ServiceFamily.INFRASTRUCTURE: "Infrastructure",
    ServiceFamily.CYBERSECURITY: "Cyber Sécurité",
    ServiceFamily.VOICE_OVER_IP: "Voix sur IP",
    ServiceFamily.EMAIL: "Courrier Électronique",
    ServiceFamily.WEB: "Web",
    ServiceFamily.INTEGRATION: "Intégration",
    ServiceFamily.MANAGED_SERVICES: "Infogérance",
}


class Service(StrEnum):
    """The services of Art. 2; ``label`` and ``family`` give the terms' wording and heading."""

    NETWORK_ENGINEERING = "ingenierie-reseaux"
    VIRTUALISATION = "virtualisation"
    ENTERPRISE_VPN = "vpn-entreprise"
    WIFI_COVERAGE = "couverture-wifi"
    ZERO_TRUST_FIREWALL = "pare-feu-zero-trust"
    WAF = "pare-feu-applicatif"
    BACKUP_AND_DRP = "sauvegarde-pra"
    DIGITAL_VAULT = "coffre-fort-numerique"
    GOVERNANCE_CISO = "gouvernance-rssi"
    SOC = "soc"
    CYBERATTACK_ASSISTANCE = "assistance-cyberattaque"
    AUDIT_AND_CONSULTING = "audit-conseil"
    BUSINESS_TELEPHONY = "telephonie-entreprise"
    CALL_CENTRE = "centre-appels"
    PROFESSIONAL_MAILBOX = "boite-professionnelle"
    ANTI_SPAM = "anti-spam"
    EMAIL_CAMPAIGN = "campagne-email"
    CUSTOM_HOSTING = "hebergement-sur-mesure"
    ONLINE_SHOP = "web-marchand"
    BROWSING_PERFORMANCE = "performance-navigation"
    WEBSITE_CMS = "site-internet-cms"
    SEO = "statistiques-visibilite"
    CRM_ERP = "gestion-entreprise"
    NEXTCLOUD_HUB = "nextcloud-hub"
    REVIT_SERVER = "revit-server"
    MONITORING = "supervision"
    IT_ESTATE = "parc-informatique-serveurs"
    USER_SUPPORT = "support-utilisateur"

    @property
    def label(self) -> str:
        """The service as the terms name it."""
        return _SERVICES[self][0]

    @property
    def family(self) -> ServiceFamily:
        """The Art. 2 heading the service stands under."""
        return _SERVICES[self][1]


_F = ServiceFamily
_SERVICES: dict[Service, tuple[str, ServiceFamily]] = {
    Service.NETWORK_ENGINEERING: ("Ingénierie Réseaux (LAN/WAN)", _F.INFRASTRUCTURE),
    Service.VIRTUALISATION: ("Virtualisation", _F.INFRASTRUCTURE),
    Service.ENTERPRISE_VPN: ("VPN Entreprise", _F.INFRASTRUCTURE),
    Service.WIFI_COVERAGE: ("Couverture WiFi", _F.INFRASTRUCTURE),
    Service.ZERO_TRUST_FIREWALL: ("Pare-feu « Zero Trust »", _F.CYBERSECURITY),
    Service.WAF: ("Pare-feu Applicatif (WAF)", _F.CYBERSECURITY),
    Service.BACKUP_AND_DRP: ("Sauvegarde et PRA", _F.CYBERSECURITY),
    Service.DIGITAL_VAULT: ("Coffre Fort Numérique", _F.CYBERSECURITY),
    Service.GOVERNANCE_CISO: ("Gouvernance et RSSI", _F.CYBERSECURITY),
    Service.SOC: ("SOC et Mini SOC", _F.CYBERSECURITY),
    Service.CYBERATTACK_ASSISTANCE: ("Assistance Cyberattaque", _F.CYBERSECURITY),
    Service.AUDIT_AND_CONSULTING: ("Audit et conseil", _F.CYBERSECURITY),
    Service.BUSINESS_TELEPHONY: ("Téléphonie d’entreprise", _F.VOICE_OVER_IP),
    Service.CALL_CENTRE: ("Centre d’appels", _F.VOICE_OVER_IP),
    Service.PROFESSIONAL_MAILBOX: ("Boîte Professionnelle", _F.EMAIL),
    Service.ANTI_SPAM: ("Anti-Spam", _F.EMAIL),
    Service.EMAIL_CAMPAIGN: ("Campagne Email", _F.EMAIL),
    Service.CUSTOM_HOSTING: ("Hébergement sur Mesure", _F.WEB),
    Service.ONLINE_SHOP: ("Web Marchand", _F.WEB),
    Service.BROWSING_PERFORMANCE: ("Performance Navigation", _F.WEB),
    Service.WEBSITE_CMS: ("Site internet et CMS", _F.WEB),
    Service.SEO: ("Statistiques et Visibilité (SEO)", _F.WEB),
    Service.CRM_ERP: ("Gestion Entreprise (CRM/ERP)", _F.INTEGRATION),
    Service.NEXTCLOUD_HUB: ("Nextcloud Hub", _F.INTEGRATION),
    Service.REVIT_SERVER: ("Revit Server (BIM)", _F.INTEGRATION),
    Service.MONITORING: ("Supervision", _F.MANAGED_SERVICES),
    Service.IT_ESTATE: ("Parc Informatique et Serveurs", _F.MANAGED_SERVICES),
    Service.USER_SUPPORT: ("Support utilisateur", _F.MANAGED_SERVICES),
}


def services_of(family: ServiceFamily) -> tuple[Service, ...]:
    """The services listed under ``family`` in Art. 2, in the terms' order.

    ```pycon
    >>> [s.label for s in services_of(ServiceFamily.VOICE_OVER_IP)]
    ['Téléphonie d’entreprise', 'Centre d’appels']

    ```
    """
    return tuple(s for s in Service if s.family is family)
