"""The boundary: what enters the library, validated once — pydantic models, the tariff,
input documents, files and JSON."""
