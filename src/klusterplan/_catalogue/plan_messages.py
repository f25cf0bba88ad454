"""What reading, converting and editing a plan file says, in Swedish and English.

key: (Swedish, English); ``{names}`` are filled in by
:func:`~klusterplan._catalogue.messages.text`.
"""

from __future__ import annotations

__all__ = ["MESSAGES"]

MESSAGES: dict[str, tuple[str, str]] = {
    # _planfile.convert
    "convert_expected_text_got_describe": (
        "här ska det stå text, men det står {describe_sv}; sätt texten inom citattecken",
        "expected text, got {describe}; put it in quotes if it is meant as text",
    ),
    "convert_expected_integer_got_describe": (
        "här ska det stå ett heltal, men det står {describe_sv}",
        "expected an integer, got {describe}",
    ),
    "convert_expected_true_false_got": (
        "här ska det stå true (ja) eller false (nej), men det står {describe_sv}",
        "expected true or false, got {describe}",
    ),
    "convert_expected_date_written_yyyy": (
        "här ska det stå ett datum som ÅÅÅÅ-MM-DD, t.ex. 2011-03-15, men det står {describe_sv}",
        "expected a date written as YYYY-MM-DD, got {describe}",
    ),
    "convert_message_after_space_starts": (
        "{sv}; ett # efter ett mellanslag inleder en kommentar, så texten efter det lästes "
        'inte: sätt texten inom citattecken, t.ex. "#bibliotek"',
        "{message}; a # after a space starts a comment, so the text after it was left out: put "
        'the text in quotes, e.g. "#bibliotek"',
    ),
    "convert_message_colon_followed_space": (
        "{sv}; ett kolon följt av mellanslag gör en nyckel: sätt hela texten inom citattecken, "
        't.ex. - "Tid: för lite"',
        "{message}; a colon followed by a space makes a key: put the whole text in quotes, e.g. "
        '- "Tid: för lite"',
    ),
    "convert_expected_text_got_nothing": (
        'här ska det stå text, men det står ingenting; skriv texten, eller "" om den inte finns än',
        'expected text, got nothing; write the text, or "" for none yet',
    ),
    "convert_expected_one_choices_also": (
        "här ska det stå något av {choices}{also_sv}, men det står {describe_sv}{hint_sv}",
        "expected one of {choices}{also}, got {describe}{hint_en}",
    ),
    "convert_expected_list_got_describe": (
        "här ska det stå en lista, men det står {describe_sv}; skriv [a, b] eller en rad per "
        "värde som börjar med -",
        "expected a list, got {describe}",
    ),
    "convert_expected_mapping_keys_got": (
        "här ska det stå nycklar med värden, men det står {describe_sv}",
        "expected a mapping of keys, got {describe}",
    ),
    "convert_did_you_mean_hint": ("menade du {hint!r}?", "did you mean {hint!r}?"),
    "convert_allowed_keys_are_listed": (
        "de nycklar som finns här är {listed}",
        "allowed keys are {listed}",
    ),
    "convert_unknown_key_advice": ("okänd nyckel; {sv}", "unknown key; {advice}"),
    "convert_required_key_missing_add": (
        "en nyckel som måste finnas saknas; lägg till den",
        "required key missing; add it",
    ),
    # _planfile.formats
    "formats_excerpt_hint_hint": ("{excerpt}\n  tips: {sv}", "{excerpt}\n  hint: {hint}"),
    "formats_not_yaml": ("inte giltig YAML: {what}", "not valid YAML: {what}"),
    "formats_not_json": ("inte giltig JSON: {what}", "not valid JSON: {what}"),
    "formats_not_valid": ("inte giltig {name}: {what}", "not valid {name}: {what}"),
    "formats_too_deep": (
        "inte giltig {name}: nästlad för djupt; en plan behöver högst sex nivåer",
        "not valid {name}: nested too deeply; a plan needs six levels at most",
    ),
    "formats_unknown": (
        "okänt format {format!r}; använd något av {known}",
        "unknown format {format!r}; use one of {known}",
    ),
    "formats_unknown_suffix": (
        "formatet framgår inte av filändelsen {suffix}; använd någon av {known}, t.ex. plan.yaml",
        "cannot tell the format from the suffix {suffix}; use one of {known}, e.g. plan.yaml",
    ),
    "formats_duplicate_key": (
        "nyckeln {key!r} finns två gånger; behåll en av dem",
        "duplicate key {key!r}; keep one of them",
    ),
    "formats_invalid_number": (
        "{value} är inget giltigt tal: {reason}",
        "{value} is not a valid number: {reason}",
    ),
    "formats_invalid_date": (
        "{value} är inget giltigt datum: {reason}",
        "{value} is not a valid date: {reason}",
    ),
    "formats_long_value": (
        "{start!r}... ({length} tecken)",
        "{start!r}... ({length:,} characters)",
    ),
    "formats_huge_number": (
        "ett tal med fler än 4 300 siffror; inget värde i en plan är så stort",
        "a number of more than 4,300 digits; no plan value is that large",
    ),
    "formats_write_date": ("skriv datumet som {date}", "write the date as {date}"),
    "formats_python_tag": (
        "taggen !!{tag} skulle bygga ett Python-objekt, vilket en plan inte får; ta bort taggen",
        "the tag !!{tag} would build a Python object, which a plan may not do; remove the tag",
    ),
    "formats_unknown_tag": (
        "okänd tagg {tag}; en plan använder inga taggar, så ta bort den",
        "unknown tag {tag}; a plan uses no tags, so remove it",
    ),
    "formats_line_without_colon": ("en rad utan kolon", "a line without its colon"),
    "formats_indentation": ("indraget stämmer inte", "the indentation does not match"),
    "formats_colon_in_value": ("ett kolon mitt i ett värde", "a colon in the middle of a value"),
    "formats_tab": ("ett tabbtecken", "a tab character"),
    "formats_open_quote": ("ett citattecken stängs aldrig", "a quote is never closed"),
    "formats_key_without_colon": ("en nyckel utan kolon", "a key without its colon"),
    "formats_open_bracket": ("en parentes stängs aldrig", "a bracket is never closed"),
    "formats_cannot_start": (
        "ett värde kan inte börja med {at!r}",
        "a value cannot start with {at!r}",
    ),
    "formats_colon_followed_space_starts": (
        "ett kolon följt av mellanslag börjar en ny nyckel; sätt hela texten inom citattecken, "
        't.ex. name: "Byköping: huvudbiblioteket"',
        "a colon followed by a space starts a new key; put the whole text in quotes, e.g. name: "
        '"Byköping: huvudbiblioteket"',
    ),
    "formats_yaml_indents_spaces_only": (
        "YAML drar in med mellanslag, aldrig med tabb; byt tabben (visad som →) mot mellanslag",
        "YAML indents with spaces only; replace the tab (shown as →) with spaces",
    ),
    "formats_put_text_quotes_value": (
        'sätt texten inom citattecken: "{value}"',
        'put the text in quotes: "{value}"',
    ),
    "formats_text_starts_quote_here": (
        "texten som börjar med {quote} här behöver ett avslutande {quote}; ett {quote} inne i "
        "texten skrivs dubbelt ('') eller så sätts texten inom det andra slaget citattecken",
        "the text that starts with {quote} here needs a closing {quote} at its end; a {quote} "
        "inside the text is written twice ('') or the text is quoted with the other kind of "
        "quote",
    ),
    "formats_write_key_key_value": (
        "skriv en nyckel som `nyckel: värde`, med kolon och mellanslag; en text på egen rad hör "
        "hemma på nyckelns rad eller efter ett - i en lista",
        "write a key as `key: value`, with a colon and a space; a text on a line of its own "
        "belongs on the line of its key or after a - in a list",
    ),
    "formats_opened_here_needs_comma": (
        "en {{ eller [ som öppnas här behöver sin }} eller ]; ett komma eller kolon i en text "
        'inom hakparentes kräver citattecken: ["a, b", c]',
        "a {{ or [ opened here needs its }} or ]; a comma or colon inside a text in brackets "
        'needs quotes: ["a, b", c]',
    ),
    "formats_line_indented_differently_from": (
        "raden är indragen annorlunda än nycklarna ovanför; nycklarna i ett avsnitt börjar i "
        "samma kolumn, och likaså en listas rader med -",
        "this line is indented differently from the keys above it; the keys of one section "
        "start in the same column, and a list's - lines too",
    ),
    "formats_line_colon_so_line": (
        "raden saknar kolon, så rad {value} lästes som en fortsättning på den; skriv varje "
        "nyckel som `nyckel: värde`",
        "this line has no colon, so line {value} was read as its continuation; write each key "
        "as `key: value`",
    ),
    "formats_key_indented_more_than": (
        "nyckeln är mer indragen än nyckeln på rad {number}; nycklarna i ett avsnitt börjar i "
        "samma kolumn",
        "this key is indented more than the key on line {number}; the keys of one section start "
        "in the same column",
    ),
    # _planfile.syntax: what the JSON and TOML parsers' complaints mean
    "syntax_at": (
        "inte giltig {name}: {what} (rad {line}, kolumn {column})",
        "not valid {name}: {what} (line {line}, column {column})",
    ),
    "syntax_unknown": (
        'här går filen inte att läsa (tolkens egna ord: "{said}")',
        'the file cannot be read here ("{said}")',
    ),
    "syntax_unknown_hint": (
        "se på tecknet vid ^ och det som står närmast före: citattecken och parenteser står i "
        "par, och en text står inom citattecken",
        "look at the character at ^ and what stands just before it: quotes and brackets come "
        "in pairs, and a text stands in quotes",
    ),
    "syntax_ends_early": ("filen tar slut för tidigt", "the file ends too early"),
    "syntax_bad_unicode": (
        "efter \\u ska det stå fyra hexadecimala siffror",
        "\\u must be followed by four hexadecimal digits",
    ),
    "syntax_bad_unicode_hint": (
        "skriv tecknet självt, eller \\u och fyra siffror 0–9 eller a–f, t.ex. \\u00e5 för å",
        "write the character itself, or \\u and four digits 0–9 or a–f, e.g. \\u00e5 for å",
    ),
    "syntax_tab_in_text": (
        "en text innehåller ett tabbtecken",
        "a text holds a tab character",
    ),
    "syntax_tab_in_text_hint": (
        "byt tabben (visad som →) mot ett mellanslag, eller skriv \\t",
        "replace the tab (shown as →) with a space, or write \\t",
    ),
    "syntax_control": (
        "här står styrtecknet {char}, som inte får stå i filen",
        "the control character {char} stands here, which the file may not hold",
    ),
    "syntax_control_hint": (
        "ta bort tecknet; det syns inte, och en plan behöver det aldrig",
        "remove the character; it does not show, and a plan never needs it",
    ),
    "json_missing_comma": (
        "här saknas ett kommatecken mellan två värden",
        "a comma is missing between two values",
    ),
    "json_missing_comma_hint": (
        "skriv ett kommatecken (,) vid ^, efter värdet; eller, om listan eller avsnittet slutar "
        "här, stäng det med ] eller }}",
        "write a comma (,) at ^, after the value; or, if the list or section ends here, close "
        "it with ] or }}",
    ),
    "json_missing_colon": (
        "här saknas ett kolon mellan nyckeln och dess värde",
        "a colon is missing between the key and its value",
    ),
    "json_missing_colon_hint": (
        'skriv nyckeln och värdet som "name": "Alvesta bibliotek", med kolon emellan',
        'write the key and its value as "name": "Alvesta bibliotek", with a colon between',
    ),
    "json_trailing_comma": (
        "ett kommatecken efter det sista värdet",
        "a comma after the last value",
    ),
    "json_trailing_comma_hint": (
        "ta bort kommatecknet vid ^; JSON tillåter inget kommatecken före ] eller }}",
        "remove the comma at ^; JSON allows no comma before ] or }}",
    ),
    "json_single_quote": (
        "enkla citattecken, som JSON inte läser",
        "single quotes, which JSON does not read",
    ),
    "json_single_quote_hint": (
        'skriv nycklar och texter inom dubbla citattecken: "name": "Alvesta bibliotek"',
        'write keys and texts in double quotes: "name": "Alvesta bibliotek"',
    ),
    "json_key_unquoted": (
        "här ska det stå en nyckel inom dubbla citattecken, men det står {word}",
        "expected a key in double quotes, got {word}",
    ),
    "json_key_unquoted_hint": (
        'skriv nyckeln inom dubbla citattecken: "name": …',
        'write the key in double quotes: "name": …',
    ),
    "json_no_value": (
        "här ska det stå ett värde, men det står {word}",
        "expected a value, got {word}",
    ),
    "json_no_value_hint": (
        'en text står inom dubbla citattecken ("Alvesta bibliotek"); tal, true, false och null '
        "står utan, en lista inom [ ] och ett avsnitt inom {{ }}",
        'a text stands in double quotes ("Alvesta bibliotek"); numbers, true, false and null '
        "stand without, a list in [ ] and a section in {{ }}",
    ),
    "json_empty": ("filen är tom", "the file is empty"),
    "json_empty_hint": (
        "en plan i JSON börjar med {{ och slutar med }}; `klusterplan new plan.json` skriver "
        "en att fylla i",
        "a plan in JSON starts with {{ and ends with }}; `klusterplan new plan.json` writes "
        "one to fill in",
    ),
    "json_ends_early_hint": (
        "något saknas i slutet: ett värde, ett ] eller ett }}",
        "something is missing at the end: a value, a ] or a }}",
    ),
    "json_extra_data": (
        "efter planens sista }} står det mer",
        "more text follows the plan's last }}",
    ),
    "json_extra_data_hint": (
        "en JSON-fil håller ett enda {{…}}: ta bort det som står efter, eller flytta in det "
        "före den sista }}, efter ett kommatecken",
        "a JSON file holds a single {{…}}: remove what follows, or move it inside before the "
        "last }}, after a comma",
    ),
    "json_open_quote": (
        "en text stängs aldrig på sin rad",
        "a text is never closed on its line",
    ),
    "json_open_quote_hint": (
        'avsluta texten med " på samma rad; ett " inne i texten skrivs \\" och en ny rad \\n',
        'end the text with " on the same line; a " inside the text is written \\" and a new '
        "line \\n",
    ),
    "json_bad_escape": (
        "ett \\ i en text följs av {char}, som JSON inte läser så",
        "a \\ in a text is followed by {char}, which JSON does not read that way",
    ),
    "json_bad_escape_hint": (
        'skriv \\\\ för ett \\ i texten (en sökväg: "C:\\\\Planer"), eller / i stället',
        'write \\\\ for a \\ in the text (a path: "C:\\\\Planer"), or / instead',
    ),
    "toml_open_quote": (
        "en text stängs aldrig på sin rad",
        "a text is never closed on its line",
    ),
    "toml_open_quote_hint": (
        'avsluta texten med " på samma rad; en text på flera rader står mellan """ och """',
        'end the text with " on the same line; a text of several lines stands between """ and """',
    ),
    "toml_ends_early_hint": (
        "något saknas i slutet: ett värde, ett ], ett }} eller ett avslutande citattecken",
        "something is missing at the end: a value, a ], a }} or a closing quote",
    ),
    "toml_date_hint": (
        "i TOML står ett datum utan citattecken: due = {date}",
        "in TOML a date stands without quotes: due = {date}",
    ),
    "toml_statement": (
        "raden är varken `nyckel = värde`, en [rubrik] eller en kommentar",
        "the line is neither `key = value`, a [heading] nor a comment",
    ),
    "toml_statement_hint": (
        'skriv `nyckel = värde`, t.ex. name = "Alvesta bibliotek"; en kommentar börjar med #',
        'write `key = value`, e.g. name = "Alvesta bibliotek"; a comment starts with #',
    ),
    "toml_after_value": (
        "efter värdet står det mer på samma rad: {rest}",
        "more follows the value on its line: {rest}",
    ),
    "toml_after_value_hint": (
        "en rad håller ett enda `nyckel = värde`; en text med mellanslag står inom "
        "citattecken, värdena i en lista skiljs med kommatecken, och en kommentar börjar med #",
        "a line holds a single `key = value`; a text with spaces stands in quotes, a list's "
        "values are separated by commas, and a comment starts with #",
    ),
    "toml_colon": (
        "ett kolon där TOML skriver likhetstecken",
        "a colon where TOML writes an equals sign",
    ),
    "toml_colon_hint": (
        'skriv name = "Alvesta bibliotek" i stället för name: "Alvesta bibliotek"',
        'write name = "Alvesta bibliotek" instead of name: "Alvesta bibliotek"',
    ),
    "toml_missing_equals": (
        "här saknas ett likhetstecken efter nyckeln",
        "an equals sign is missing after the key",
    ),
    "toml_missing_equals_hint": (
        "skriv `nyckel = värde`; en nyckel med mellanslag, å, ä eller ö står inom "
        'citattecken: "målgrupp" = …',
        'write `key = value`; a key with spaces, å, ä or ö stands in quotes: "målgrupp" = …',
    ),
    "toml_key_start": (
        "en nyckel kan inte börja med {at}",
        "a key cannot start with {at}",
    ),
    "toml_missing_value": (
        "värdet saknas efter likhetstecknet",
        "the value is missing after the equals sign",
    ),
    "toml_missing_value_hint": (
        'skriv ett värde efter =, t.ex. "" för en text som inte finns än, eller [] för en tom '
        "lista",
        'write a value after =, e.g. "" for a text not there yet, or [] for an empty list',
    ),
    "toml_unquoted_text": (
        "en text utan citattecken: {word}",
        "a text without quotes: {word}",
    ),
    "toml_unquoted_text_hint": (
        'sätt texten inom citattecken: name = "Alvesta bibliotek"; tal, true, false, datum '
        "(2011-03-01), listor [ ] och {{ }} står utan",
        'put the text in quotes: name = "Alvesta bibliotek"; numbers, true, false, dates '
        "(2011-03-01), lists [ ] and {{ }} stand without",
    ),
    "toml_invalid_value": (
        "här ska det stå ett värde, men det står {word}",
        "expected a value, got {word}",
    ),
    "toml_open_array": (
        "listan stängs inte här: ett kommatecken eller ett ] saknas",
        "the list is not closed here: a comma or a ] is missing",
    ),
    "toml_open_array_hint": (
        "skilj värdena åt med kommatecken och avsluta listan med ]: roles = "
        '["bibliotekarie", "volontär"]',
        "separate the values with commas and end the list with ]: roles = "
        '["bibliotekarie", "volontär"]',
    ),
    "toml_open_table": (
        "{{…}} stängs inte här: ett kommatecken eller ett }} saknas",
        "the {{…}} is not closed here: a comma or a }} is missing",
    ),
    "toml_open_table_hint": (
        'ett {{…}} står på en enda rad, med kommatecken mellan värdena: {{name = "Futurum", '
        'relation = ""}}',
        'a {{…}} stands on one line, with commas between the values: {{name = "Futurum", '
        'relation = ""}}',
    ),
    "toml_table_bracket": (
        "rubriken saknar sitt ]",
        "the heading lacks its ]",
    ),
    "toml_table_bracket_hint": (
        "skriv rubriken som [library], på en rad för sig",
        "write the heading as [library], on a line of its own",
    ),
    "toml_array_bracket": (
        "rubriken saknar sitt ]]",
        "the heading lacks its ]]",
    ),
    "toml_array_bracket_hint": (
        "skriv rubriken för ett nytt element i en lista som [[actions]], på en rad för sig",
        "write the heading of a new item of a list as [[actions]], on a line of its own",
    ),
    "toml_backslash": (
        "ett \\ i en text inom dubbla citattecken",
        "a \\ in a text in double quotes",
    ),
    "toml_backslash_hint": (
        "skriv \\\\ för ett \\, eller sätt texten inom enkla citattecken: 'C:\\Planer'",
        "write \\\\ for a \\, or put the text in single quotes: 'C:\\Planer'",
    ),
    "toml_value_twice": (
        "nyckeln får ett värde en gång till",
        "the key is given a value a second time",
    ),
    "toml_value_twice_hint": (
        "behåll en av raderna med samma nyckel",
        "keep one of the lines with the same key",
    ),
    "toml_table_twice": (
        "rubriken [{key}] finns redan",
        "the heading [{key}] is there already",
    ),
    "toml_table_twice_hint": (
        "skriv alla nycklar under [{key}] under en enda sådan rubrik",
        "write all the keys of [{key}] under a single such heading",
    ),
    "toml_inline_closed": (
        "{key} är redan skriven på en rad, inom {{…}} eller [ ], och kan inte fyllas på här",
        "{key} is already written on one line, in {{…}} or [ ], and cannot be added to here",
    ),
    "toml_inline_closed_hint": (
        "skriv alla dess värden där, eller skriv den som en egen [rubrik]",
        "write all its values there, or write it as a [heading] of its own",
    ),
    "toml_inline_key_twice": (
        "nyckeln {key} finns två gånger i {{…}}",
        "the key {key} appears twice in the {{…}}",
    ),
    "toml_inline_key_twice_hint": ("behåll en av dem", "keep one of them"),
    "toml_bad_date": (
        "{value} är inget datum som finns",
        "{value} is not a date there is",
    ),
    "toml_bad_date_hint": (
        "skriv ett datum som finns, som ÅÅÅÅ-MM-DD, t.ex. 2011-02-28",
        "write a date there is, as YYYY-MM-DD, e.g. 2011-02-28",
    ),
    # _planfile.io
    # _planfile.limits
    "limits_text": ("texten", "the text"),
    "limits_what_holds_code_character": (
        "{sv} innehåller {code} vid tecken {at}, en halva av ett teckenpar (ett ensamt "
        "surrogattecken) som ingen fil kan lagra; ta bort det",
        "{what} holds {code} at character {at}, half of a character pair (a lone surrogate) "
        "that no file can store; remove it",
    ),
    "limits_text_length_characters_most": (
        "en text på {number} tecken; en text får ha högst {number2}: dela upp den, eller håll "
        "långa dokument utanför planen",
        "a text of {length:,} characters; the most one text may hold is {max_text:,}: split it, "
        "or keep long documents outside the plan",
    ),
    "limits_number_digits_digits_plan": (
        "ett tal med {siffror} siffror; en plans tal (röster, åldrar, kronor) har högst {most}",
        "a number of {digits} digits; plan values (votes, ages, kronor) have at most {most}",
    ),
    "limits_file_expands_more_than": (
        "filen växer till fler än {number} värden (YAML-alias räknas varje gång de används); en "
        "plan behöver långt färre, så skriv ut värdena i stället för att upprepa alias",
        "the file expands to more than {most:,} values (YAML aliases count each time they are "
        "used); a plan needs far fewer, so write the values out instead of repeating aliases",
    ),
    "limits_nested_more_than_max": (
        "nästlad mer än {max_depth} nivåer djupt; en plan behöver högst sex: kontrollera "
        "indragen eller hakparenteserna",
        "nested more than {max_depth} levels deep; a plan needs at most six: check the "
        "indentation or the brackets",
    ),
    "limits_key_key": ("nyckeln {key!a}", "the key {key!a}"),
    "limits_key_key_name_keys": (
        "nyckeln {key} är inget namn; nycklar är namn som 'name' eller 'votes' (sätt den inom "
        "citattecken om den är menad som text)",
        "the key {key} is not a name; keys are names such as 'name' or 'votes' (put it in "
        "quotes if it is meant as text)",
    ),
    # model._edit
    "edit_new_id_empty": ("det nya id:t är tomt", "the new id is empty"),
    "edit_another_target_group_already": (
        "en annan målgrupp har redan id:t {new!r}; välj ett annat",
        "another target group already has the id {new!r}; choose another",
    ),
    # _planfile.resolve
    "resolve_read_as_name": (
        "{value!r} lästes som {kind_sv} med id:t {id!r}; skriv id:t för att vara exakt",
        "{value!r} read as the {kind} with the id {id!r}; write the id to be exact",
    ),
    "resolve_read_as_id": (
        "{value!r} lästes som id:t {id!r}; id skrivs med små bokstäver",
        "{value!r} read as the id {id!r}; ids are written in lower case",
    ),
    # _planfile.io: what a file holds
    "io_nul_byte": (
        "innehåller en NUL-byte, så det är ingen textfil; är det en plan?",
        "holds a NUL byte, so it is not a text file; is it a plan?",
    ),
    "io_nul_bytes": (
        "innehåller NUL-byte, så det är ingen textfil; är det en plan?",
        "holds NUL bytes, so it is not a text file; is it a plan?",
    ),
    "io_too_large": (
        "{size_sv} byte är mer än de {most_sv} en planfil får vara; en plan är text på högst några "
        "hundra kilobyte (KLUSTERPLAN_MAX_PLAN_BYTES höjer gränsen)",
        "{size:,} bytes is larger than the {most:,} a plan file may be; a plan is text of a "
        "few hundred kilobytes at most (KLUSTERPLAN_MAX_PLAN_BYTES raises the limit)",
    ),
    "io_utf16": (
        "texten är sparad som UTF-16; spara filen som UTF-8 (i de flesta program: Spara som, "
        "Kodning)",
        "UTF-16 text; save the file as UTF-8 (in most editors: Save as, Encoding)",
    ),
    "io_not_utf8": (
        "filen är inte sparad som UTF-8 och inte heller som ANSI (Windows-1252): tecknet på "
        "rad {line} (byte {byte}) går inte att läsa; spara filen som UTF-8 (i Anteckningar: "
        "Spara som, Kodning: UTF-8)",
        "the file is saved neither as UTF-8 nor as ANSI (Windows-1252): the character on line "
        "{line} (byte {byte}) cannot be read; save the file as UTF-8 (in Notepad: Save as, "
        "Encoding: UTF-8)",
    ),
    "io_read_as_ansi": (
        "filen är inte sparad som UTF-8, så den lästes som ANSI (Windows-1252), som "
        "Anteckningar och äldre Word sparar; spara den som UTF-8 (i Anteckningar: Spara som, "
        "Kodning: UTF-8) så att å, ä och ö alltid blir rätt",
        "the file is not saved as UTF-8, so it was read as ANSI (Windows-1252), as Notepad "
        "and older Word save; save it as UTF-8 (in Notepad: Save as, Encoding: UTF-8) so that "
        "å, ä and ö are always right",
    ),
    "io_rewrite_not_utf8": (
        "filen är inte sparad som UTF-8 utan som ANSI (Windows-1252), som Anteckningar och "
        "äldre Word sparar, och den skrivs bara om när den är UTF-8; ingenting har ändrats: "
        "spara den som UTF-8 (i Anteckningar: Spara som, Kodning: UTF-8) och kör kommandot "
        "igen",
        "the file is not saved as UTF-8 but as ANSI (Windows-1252), as Notepad and older "
        "Word save, and it is rewritten only when it is UTF-8; nothing was changed: save it "
        "as UTF-8 (in Notepad: Save as, Encoding: UTF-8) and run the command again",
    ),
    # _planfile.convert: what a person meant
    "convert_number_in_quotes": (
        "här ska det stå ett heltal, men {value!r} står inom citattecken och läses därför som "
        "text; ta bort citattecknen och skriv bara {number}",
        "expected an integer, but {value!r} is in quotes and so is read as text; remove the "
        "quotes and write just {number}",
    ),
    "convert_date_unpadded": (
        "här ska det stå ett datum som ÅÅÅÅ-MM-DD, med två siffror för månad och dag; skriv "
        "{date} i stället för {value}",
        "expected a date written as YYYY-MM-DD, with two digits for month and day; write "
        "{date} instead of {value}",
    ),
}
