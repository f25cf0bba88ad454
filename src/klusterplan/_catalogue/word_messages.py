"""What reading a Word document back says, in Swedish and English.

key: (Swedish, English); ``{names}`` are filled in by
:func:`~klusterplan._catalogue.messages.text`.
"""

from __future__ import annotations

__all__ = ["MESSAGES"]

MESSAGES: dict[str, tuple[str, str]] = {
    # reading a Word document back
    "word_cover": ("på framsidan", "on the cover"),
    "word_under": ("under ”{heading}”", "under ”{heading}”"),
    "word_cell": (
        "i tabellen {under}, rad {row}, kolumn ”{column}”",
        "in the table {under}, row {row}, column ”{column}”",
    ),
    "word_new_row": (
        "i tabellen {under}, rad {row}, från kolumn ”{column}”",
        "in the table {under}, row {row}, from column ”{column}”",
    ),
    "word_outside": (
        "{where}: ”{text}” står utanför alla fält och lästes inte in; skriv det i fältet "
        "eller på raderna där det hör hemma",
        "{where}: ”{text}” stands outside any field and was not read; type it into the field "
        "or lines it belongs to",
    ),
    "word_cell_split": (
        "{where}: ”{text}” delades upp och lästes som {parts}; var det inte så det var menat, "
        "rätta det i planen",
        "{where}: ”{text}” was split and read as {parts}; if that is not what was meant, "
        "correct it in the plan",
    ),
    "word_two_values": (
        "”{here}” här, men ”{there}” {where}; behåll det ena",
        "”{here}” here, but ”{there}” {where}; keep one of them",
    ),
    "word_field_gone": (
        "{name} finns inte längre i dokumentet; värdet behålls",
        "{name} is no longer in the document; its value is kept",
    ),
    "word_row_gone": (
        "raden är borttagen ur tabellen under ”{heading}”, men {name} står kvar på andra "
        "ställen i dokumentet och behålls; ta bort den överallt för att ta bort den",
        "its row was deleted from the table under ”{heading}”, but it still stands elsewhere "
        "in the document, so {name} is kept; delete it everywhere to remove it",
    ),
    "word_gone_from_file": (
        "inte infört ({change}): planfilen har inte längre det som dokumentet ändrade",
        "not applied ({change}): the plan file no longer has what the document changed",
    ),
    "word_changed_in_file": (
        "inte infört ({change}): planfilen har ändrat det sedan dokumentet skapades och "
        "behåller sitt eget värde",
        "not applied ({change}): the plan file has changed it since the document was made, "
        "and keeps its own value",
    ),
    "word_damaged": (
        "planen som dokumentet bär med sig är skadad ({detail}); exportera dokumentet på nytt "
        "från planfilen",
        "the plan the document carries is damaged ({detail}); export the document again from "
        "the plan file",
    ),
    "word_not_ours": (
        "det här Word-dokumentet är inte skrivet av klusterplan, eller så har alla markeringar "
        "av var svaren hör hemma tagits bort; klusterplan läser bara tillbaka sina egna "
        "dokument (klusterplan workbook, klusterplan export --to docx)",
        "this Word document was not written by klusterplan, or every mark of where its answers "
        "go has been removed; klusterplan reads back only its own documents (klusterplan "
        "workbook, klusterplan export --to docx)",
    ),
    "word_index_carried": (
        "märket anger punkt {n} i {list}, men planen som dokumentet bär med sig har {most}; "
        "klusterplan skrev inte märket: ta bort det, eller exportera dokumentet på nytt från "
        "planfilen (en ny rad läggs till genom att kopiera en rad i Word)",
        "the mark names item {n} of {list}, but the plan the document carries has {most}; "
        "klusterplan did not write the mark: remove it, or export the document again from the "
        "plan file (a new row is added by copying a row in Word)",
    ),
    "word_index_room": (
        "märket anger punkt {n} i {list}, men dokumentet har bara {most} stycken, rader och "
        "märken; klusterplan skrev inte märket: ta bort det, eller exportera dokumentet på nytt "
        "från planfilen",
        "the mark names item {n} of {list}, but the document has only {most} paragraphs, rows "
        "and marks; klusterplan did not write the mark: remove it, or export the document "
        "again from the plan file",
    ),
    "word_update_shared": (
        "planfilen använder här ett YAML-ankare (&) eller en sammanslagning (<<), så värdet "
        "står också vid {others}, och en ändring här skulle ändra det där också; skriv ut "
        "värdet i sin helhet på varje ställe (en kopia i stället för aliaset *… eller <<) "
        "och importera igen, eller importera till en ny fil med -o",
        "the plan file uses a YAML anchor (&) or merge key (<<) here, so this value also "
        "stands at {others}, and a change here would change it there too; write the value "
        "out in full in each place (a copy instead of the alias *… or <<) and import again, "
        "or import into a new file with -o",
    ),
    "word_update_unreadable": (
        "uppdateringen gick inte att läsa in igen ({detail}); filen lämnas som den var",
        "the update would not load again ({detail}); the file is left as it was",
    ),
    "word_update_wrong": (
        "uppdateringen skulle inte ge dokumentets plan; filen lämnas som den var",
        "the update would not give the document's plan; the file is left as it was",
    ),
    # a file that cannot be opened
    "file_missing": (
        "filen finns inte; kontrollera namnet och mappen",
        "no such file; check the name and folder",
    ),
    "file_unreadable": ("kan inte läsas: {reason}", "cannot be read: {reason}"),
    "plan_folder": ("det här är en mapp, inte en planfil", "this is a folder, not a plan file"),
    "plan_not_regular": (
        "inte en vanlig fil (en enhet, ett rör eller en sockel); spara planen som fil",
        "not a regular file (a device, a pipe or a socket); save the plan",
    ),
    # a Word document that cannot be opened safely
    "docx_missing": (
        "filen finns inte; kontrollera namnet och mappen",
        "no such file; check the name and folder",
    ),
    "docx_folder": (
        "det här är en mapp, inte ett Word-dokument",
        "this is a folder, not a Word document",
    ),
    "docx_not_regular": (
        "inte en vanlig fil (en enhet, ett rör eller en sockel); spara Word-dokumentet som "
        "fil och ange den",
        "not a regular file (a device, a pipe or a socket); save the Word document as a file "
        "and name that",
    ),
    "docx_not_word": (
        "inget Word-dokument (.docx), eller skadat: {detail}; öppna det i Word och spara det "
        "på nytt som Word-dokument",
        "not a Word document (.docx) or damaged: {detail}; open it in Word and save it "
        "again as a Word document",
    ),
    "docx_entries": (
        "arkivet har {n} delar; avvisat som skadligt",
        "the archive holds {n} entries; refused as hostile",
    ),
    "docx_lacks": (
        "Word-dokumentet saknar sin del {name}",
        "the Word document lacks its part {name}",
    ),
    "docx_encrypted": (
        "dokumentet är krypterat; spara det utan lösenord",
        "the document is encrypted; save it without a password",
    ),
    "docx_too_big": (
        "delen {name} packas upp till {size} byte, mer än de {limit} som klusterplan läser; "
        "avvisat",
        "the part {name} unpacks to {size} bytes, more than the {limit} klusterplan reads; refused",
    ),
    "docx_bomb": (
        "delen {name} packas upp till {times} gånger sin packade storlek, som en zipbomb gör; "
        "avvisat",
        "the part {name} unpacks to {times} times its packed size, as a zip bomb does; refused",
    ),
    "docx_over": (
        "delen {name} packas upp till mer än {limit} byte; avvisat",
        "the part {name} unpacks to more than {limit} bytes; refused",
    ),
    "docx_damaged_part": (
        "delen {name} är skadad ({detail}); öppna dokumentet i Word och spara det på nytt",
        "the part {name} is damaged ({detail}); open it in Word and save it again",
    ),
    "docx_dtd": (
        "delen {name} deklarerar en dokumenttyp (DTD), vilket Word aldrig skriver; avvisat, "
        "eftersom entiteter i den skulle kunna läsa andra filer",
        "the part {name} declares a document type (DTD), which Word never writes; "
        "refused, since entities in it could read other files",
    ),
    "docx_dtd_short": (
        "delen {name} deklarerar en dokumenttyp (DTD); avvisat",
        "the part {name} declares a document type (DTD); refused",
    ),
    "docx_xml": (
        "delen {name} är inte välformad XML: {detail}",
        "the part {name} is not well-formed XML: {detail}",
    ),
    # a value typed in a Word document
    "value_number": (
        "här ska stå ett heltal, men det står ”{text}”",
        "expected a whole number, got ”{text}”",
    ),
    "value_digits": (
        "här står ett tal med {digits} siffror; en plans tal (röster, åldrar, kronor) har högst "
        "{most}",
        "a number of {digits} digits; plan values (votes, ages, kronor) have at most {most}",
    ),
    "value_date": (
        "här ska stå ett datum skrivet som ÅÅÅÅ-MM-DD, men det står ”{text}”",
        "expected a date written as YYYY-MM-DD, got ”{text}”",
    ),
    "value_yes_no": (
        "här ska stå ja eller nej, men det står ”{text}”",
        "expected ja or nej (yes or no), got ”{text}”",
    ),
    "value_choice": (
        "här ska stå något av {choices}, men det står ”{text}”",
        "expected one of {choices}, got ”{text}”",
    ),
    "value_no_group": (
        "ingen målgrupp heter ”{text}”; skriv någon av: {known} (eller lägg till gruppen i "
        "listan över målgrupper)",
        "no target group is named ”{text}”; write one of: {known} (or add the group to the "
        "list of target groups)",
    ),
    "value_none_yet": ("inga än", "none yet"),
    "value_no_centre": (
        "inget centrum heter ”{text}”; skriv något av: {known}",
        "no centre is called ”{text}”; write one of: {known}",
    ),
    "value_no_step": (
        "inget steg i trappan heter ”{text}”; skriv något av: {known}",
        "no step of the staircase is called ”{text}”; write one of: {known}",
    ),
    "value_no_field": ("klusterplan har inget fält {path}", "klusterplan knows no field {path}"),
    "value_not_typed": (
        "{path} är inget värde som kan skrivas in",
        "{path} is not a value that can be typed",
    ),
    "bad_language": (
        "{value} är inget språk; använd sv (svenska) eller en (English)",
        "{value} is not a language; use sv (svenska) or en (English)",
    ),
}
