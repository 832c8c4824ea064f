"""Small reports in the 2019 text layout, made by the tests that need them."""

from __future__ import annotations

HEADER_ROW = (
    "Titlu\tPerioadă implementare\tCoordonator\tDirector proiect\t"
    "Nr. membri cluster\tRegiunea\tDomeniu"
)


def project_block(
    number: int | None,
    acronym: str = "ABC",
    *,
    members: str = "30",
    region: str = "Centru",
    period: str = "01.07.2018 - 30.06.2020",
    website: str = "Site proiect\thttp://example.ro/proiect",
) -> str:
    header = f"Nr. proiect / acronim _{number} CLS/{acronym}\n\n" if number is not None else ""
    cells = (f"Titlul {acronym}", period, f"ASOCIAȚIA {acronym}", "Ion Popescu", members, region)
    values = "\t".join((*cells, "Energie"))
    return (
        f"{header}{HEADER_ROW}\n{values}\n\n{website}\n\n"
        "Obiectivul proiectului:\n\nCreșterea competitivității.\n\n"
        "Principalele rezultate:\n\n- S-au realizat două studii;\n\n"
        "Activități în curs:\n\n- Brokeraje internaționale.\n\n"
    )


def report(*blocks: str, funded: int | None = None) -> str:
    count = funded if funded is not None else len(blocks)
    preamble = (
        "Stadiul proiectelor “Cluster inovativ” la 31.12.2020\n\nPREAMBUL\n\n"
        'Competiția pentru instrumentul de finanțare **"Organizare și dezvoltare cluster"** '
        "face parte din subprogram.\n\n"
        f"Această competiție a reunit 16 proiecte depuse, dintre care {count} proiecte au fost "
        "finanțate.\n\n"
    )
    return preamble + "".join(blocks)
