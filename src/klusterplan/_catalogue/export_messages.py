"""What exporters, the Word round trip, plugins and the cluster say, in Swedish and English.

key: (Swedish, English); ``{names}`` are filled in by
:func:`~klusterplan._catalogue.messages.text`.
"""

from __future__ import annotations

__all__ = ["MESSAGES"]

MESSAGES: dict[str, tuple[str, str]] = {
    # _cluster.cluster
    "cluster_source_exc": ("{source}: {render}", "{source}: {exc}"),
    "cluster_folder_holds_plan_file": (
        "mappen innehåller ingen planfil ({suffixes})",
        "this folder holds no plan file ({suffixes})",
    ),
    "cluster_pattern_matches_file": ("mönstret passar ingen fil", "the pattern matches no file"),
    # _cluster.export
    "export_cluster_summary_workbook": (
        "en klustersammanfattning har ingen arbetsbok",
        "a cluster summary has no workbook",
    ),
    "export_format_format_writes_one": (
        "formatet {format} skriver en plans data; skriv sammanfattningen som {value}",
        "the {format} format writes one plan's data; write the summary as {value}",
    ),
    # _export.export
    "export_format_exporter_cannot_write": (
        "formatet {format} kan inte skriva arbetsboken; använd något av: {able}",
        "the {format} exporter cannot write the workbook; use one of: {able}",
    ),
    "export_folder_name_file_write": (
        "är en mapp; ange filen som ska skrivas",
        "is a folder; name the file to write",
    ),
    "export_folder_parent_does_exist": (
        "mappen {parent} finns inte; skapa den först",
        "the folder {parent} does not exist; create it first",
    ),
    # _extension.rule
    "rule_rule_code_starts_pattern": (
        "ingen regelkod är eller börjar med {pattern!r}; {hint_sv}`klusterplan rule` listar "
        "koderna (är insticksmodulen installerad?)",
        "no rule code is or starts with {pattern!r}; {hint_en}`klusterplan rule` lists the "
        "codes (is the plugin installed?)",
    ),
    # _word.template
    "template_file": ("inte en fil", "not a file"),
    "template_size_bytes_word_template": (
        "{number} byte; en Word-mall är högst {number2}",
        "{size:,} bytes; a Word template is at most {max_file:,}",
    ),
    "template_holds_members_parts_word": (
        "innehåller {number} delar; ett Word-dokument har några dussin",
        "holds {members:,} parts; a Word document has a few dozen",
    ),
    "template_cannot_read_strerror": ("kan inte läsas: {strerror}", "cannot be read: {strerror}"),
    "template_word_document_docx_zip": (
        "inte ett Word-dokument (.docx): det är inget zip-paket",
        "not a Word document (.docx): it is not a zip package",
    ),
    "template_readable_word_document_docx": (
        "inte ett läsbart Word-dokument (.docx): {exc}",
        "not a readable Word document (.docx): {exc}",
    ),
    "template_part_filename_inflates_file": (
        "delen {filename} packas upp till {number} byte; för stor",
        "the part {filename} inflates to {file_size:,} bytes; too large",
    ),
    "template_part_filename_inflates_times": (
        "delen {filename} växer {number} gånger när den packas upp (en zip-bomb?); vägras",
        "the part {filename} inflates {times:,} times its size (a zip bomb?); refused",
    ),
    "template_part_filename_inflates_far": (
        "delen {filename} växer långt mer än sin storlek; vägras",
        "the part {filename} inflates far beyond its size; refused",
    ),
    "template_inflates_more_than_max": (
        "packas upp till mer än {number} byte sammanlagt; vägras",
        "inflates to more than {max_total:,} bytes in all; refused",
    ),
    "template_part_filename_declares_dtd": (
        "delen {filename} deklarerar en DTD eller entiteter, som Word aldrig skriver och som "
        "kan växa utan slut eller läsa filer; spara mallen på nytt från Word",
        "the part {filename} declares a DTD or entities, which Word never writes and which "
        "could expand without end or read files; save the template again from Word",
    ),
    # branding
    "branding_footer_shown_text_left": (
        "footer {shown} är ingen text; utelämnad",
        "footer {shown} is not text; left out",
    ),
    "branding_name_shown_rrggbb_colour": (
        "{name} {shown} är ingen färg skriven som #RRGGBB; {used} används",
        "{name} {shown} is not a #RRGGBB colour; {used} used",
    ),
    "branding_logo_png_jpeg_picture": (
        "logotypen är ingen PNG- eller JPEG-bild; utelämnad",
        "the logo is not a PNG or JPEG picture; left out",
    ),
    "branding_logo_s_alt_text": (
        "logotypens alt_text måste vara text och width_mm ett tal; utelämnad",
        "the logo's alt_text must be text and width_mm a number; left out",
    ),
    "branding_logo_s_width_width": (
        "logotypens bredd {width_mm} mm ligger inte mellan 1 och 200 mm; 30 mm används",
        "the logo's width {width_mm} mm is not 1-200 mm; 30 mm used",
    ),
    # cli._report
    "report_hidden_more_all_shows": (
        "... och {hidden} till; --all visar alla fynd, --select en grupp av dem",
        "... and {hidden} more; --all shows every finding, --select a family of them",
    ),
    # exporters.data
    "data_plan_yaml_format_people": (
        "Planen som YAML, formatet man redigerar",
        "The plan as YAML, the format people edit",
    ),
    "data_plan_json_other_programs": (
        "Planen som JSON, för andra program",
        "The plan as JSON, for other programs",
    ),
    "data_plan_toml": ("Planen som TOML", "The plan as TOML"),
    # exporters.docx
    "docx_whole_plan_workshop_workbook": (
        "Hela planen, eller arbetsboken för workshoppen, som Word-dokument",
        "The whole plan, or the workshop workbook, as a Word document",
    ),
    # exporters.html
    "html_whole_plan_workshop_workbook": (
        "Hela planen, eller arbetsboken för workshoppen, som en tillgänglig webbsida att publicera",
        "The whole plan, or the workshop workbook, as one accessible web page to publish",
    ),
    # exporters.markdown
    "markdown_whole_plan_workshop_workbook": (
        "Hela planen, eller arbetsboken för workshoppen, som ett läsbart Markdown-dokument",
        "The whole plan, or the workshop workbook, as a readable Markdown document",
    ),
    # exporters.pdf
    "pdf_truetype_file_body_text": (
        "en TrueType-fil för all löpande text; utan egen fetstil och kursiv ersätter den hela "
        "familjen",
        "a TrueType file for the body text; without its own bold and italic it replaces the "
        "whole family",
    ),
    "pdf_bold_face": ("fetstilen", "the bold face"),
    "pdf_italic_face": ("kursiven", "the italic face"),
    "pdf_bold_italic_face": ("den feta kursiven", "the bold italic face"),
    "pdf_font_characters_others_lack": (
        "ett typsnitt för tecken som de andra saknar",
        "a font for characters the others lack",
    ),
    "pdf_whole_plan_blank_workbook": (
        "Hela planen, eller den tomma arbetsboken, som PDF att publicera eller skriva ut",
        "The whole plan, or the blank workbook, as a PDF to publish or print",
    ),
    # exporters.pdfua
    "pdfua_whole_plan_workshop_workbook": (
        "Hela planen, eller arbetsboken för workshoppen, som ett taggat PDF/UA-1-dokument att "
        "publicera (kräver klusterplan[{extra}])",
        "The whole plan, or the workshop workbook, as a tagged PDF/UA-1 document to publish "
        "(needs klusterplan[{extra}])",
    ),
    # plugins
    "plugins_hook_branding": ("kroken branding", "hook branding"),
    "plugins_branding": ("en Branding", "a Branding"),
    "plugins_exporter": ("en Exporter", "an Exporter"),
    "plugins_rule": ("en Rule", "a Rule"),
    # exporters: fonts, logos and templates
    "font_regular": ("typsnittet", "font"),
    "font_bold": ("fetstilen", "bold font"),
    "font_italic": ("kursiven", "italic font"),
    "font_bold_italic": ("den feta kursiven", "bold italic font"),
    "font_fallback": ("reservtypsnittet", "fallback font"),
    "font_not_a_file": ("{what} {path}: ingen typsnittsfil", "{what} {path}: not a font file"),
    "font_too_large": (
        "{what} {path}: större än något typsnitt ({most} byte)",
        "{what} {path}: larger than any font ({most:,} bytes)",
    ),
    "font_cannot_read": (
        "{what} {path}: kan inte läsas: {reason}",
        "{what} {path}: cannot be read: {reason}",
    ),
    "font_unusable": (
        "{what} {path}: inget användbart TrueType-typsnitt: {detail}",
        "{what} {path}: not a usable TrueType font: {detail}",
    ),
    "pdf_taller_than_page": (
        "en text får inte plats på en sida: den är högre än sidan (ett mycket långt ord utan "
        "mellanslag?); korta den ({detail}...)",
        "a text cannot be laid out on a page: it runs taller than the page "
        "(a very long word without spaces?); shorten it ({detail}...)",
    ),
    "pdf_logo_unreadable": (
        "profilens logotyp kan inte läsas som PNG eller JPEG: {detail}",
        "the branding logo cannot be read as PNG or JPEG: {detail}",
    ),
    "html_logo_not_picture": (
        "profilens logotyp är varken en PNG- eller en JPEG-bild",
        "the branding logo is neither a PNG nor a JPEG picture",
    ),
    "docx_template": ("--template {template}: {problem}", "--template {template}: {problem}"),
    "docx_template_not_word": (
        "--template {template}: inget Word-dokument (.docx): {detail}",
        "--template {template}: not a Word document (.docx): {detail}",
    ),
    "docx_template_styles": (
        "--template {template}: mallen saknar formatmallarna {styles}; lägg till dem i mallen "
        "(i Word: använd varje formatmall en gång och ta sedan bort texten) och försök igen",
        "--template {template}: the template lacks the styles {styles}; add them to the template "
        "(in Word: use each style once, then delete the text) and try again",
    ),
    "pdfua_needs_typst": (
        "formatet pdf-ua behöver paketet Typst: installera tillägget {extra} "
        "(pip install 'typst>=0.15.2,<0.16', eller klusterplans wheel-fil med [{extra}] "
        "efter namnet)",
        "the pdf-ua format needs the Typst package: install the {extra} extra "
        "(pip install 'typst>=0.15.2,<0.16', or klusterplan's wheel with [{extra}] "
        "after its name)",
    ),
}
