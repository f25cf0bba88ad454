"""What ``klusterplan --help`` and the command line's usage errors say, in Swedish.

The command's help is written in English beside each command (its docstring
and each option's ``help``); here is its Swedish, keyed by the command and
the option's first long name (``"export --to"``), or by the option alone for
one every command shares (``"--lang"``). click's own wordings (``Usage:``,
``Missing argument``, ``No such option``) are keyed by its English text.
"""

from __future__ import annotations

__all__ = ["ARGUMENTS_SV", "CLICK_PLURAL_SV", "CLICK_SV", "HELP_SV"]

#: click's wordings, English to Swedish.
CLICK_SV: dict[str, str] = {
    "Usage:": "Användning:",
    "[OPTIONS]": "[ALTERNATIV]",
    "COMMAND [ARGS]...": "KOMMANDO [ARGUMENT]...",
    "Options": "Alternativ",
    "Commands": "Kommandon",
    "Positional arguments": "Argument",
    "Show this message and exit.": "Visa den här hjälpen och avsluta.",
    "Show the version and exit.": "Visa versionen och avsluta.",
    "%(prog)s, version %(version)s": "%(prog)s, version %(version)s",
    "Error: {message}": "Fel: {message}",
    "Try '{command} {option}' for help.": "Skriv '{command} {option}' för hjälp.",
    "Missing argument": "Argument saknas:",
    "Missing option": "Alternativ saknas:",
    "Missing parameter": "Värde saknas:",
    "Missing {param_type}": "{param_type} saknas:",
    "Missing parameter: {param_name}": "Värde saknas: {param_name}",
    "Missing command.": "Ange ett kommando.",
    "No such command {name!r}.": "Det finns inget kommando {name!r}.",
    "No such option {name!r}.": "Det finns inget alternativ {name!r}.",
    "Option {name!r} does not take a value.": "Alternativet {name!r} tar inget värde.",
    "Invalid value for {param_hint}: {message}": "Ogiltigt värde för {param_hint}: {message}",
    "Invalid value: {message}": "Ogiltigt värde: {message}",
    "{name} {filename!r} does not exist.": "{name} {filename!r} finns inte.",
    "{name} {filename!r} is a directory.": "{name} {filename!r} är en mapp.",
    "{name} {filename!r} is a file.": "{name} {filename!r} är en fil.",
    "{name} {filename!r} is not readable.": "{name} {filename!r} kan inte läsas.",
    "{name} {filename!r} is not writable.": "{name} {filename!r} kan inte skrivas.",
    "{name} {filename!r} is not executable.": "{name} {filename!r} kan inte köras.",
    "file": "filen",
    "directory": "mappen",
    "path": "sökvägen",
    "File": "Filen",
    "Directory": "Mappen",
    "Path": "Sökvägen",
    "Could not open file {filename!r}: {message}": "Filen {filename!r} kan inte öppnas: {message}",
    "{value!r} is not a valid {number_type}.": "{value!r} är inget giltigt {number_type}.",
    "{value} is not in the range {range}.": "{value} ligger inte inom {range}.",
    "{value!r} is not a valid boolean. Recognized values: {states}": (
        "{value!r} är inget sant/falskt-värde. Giltiga värden: {states}"
    ),
    "default: {default}": "standard: {default}",
    "Aborted!": "Avbrutet!",
    "Argument {name!r} takes {nargs} values.": "Argumentet {name!r} tar {nargs} värden.",
    "Choose from:\n\t{choices}": "Välj bland:\n\t{choices}",
    "integer": "heltal",
    "float": "tal",
}

#: What usage lines call a command's arguments, by the argument's name.
ARGUMENTS_SV: dict[str, str] = {
    "plans": "PLANER",
    "plan": "PLAN",
    "document": "DOKUMENT",
    "code": "KOD",
}

#: click's wordings with a number, by the English singular: (Swedish one, Swedish many).
CLICK_PLURAL_SV: dict[str, tuple[str, str]] = {
    "Got unexpected extra argument ({args})": (
        "Oväntat extra argument ({args})",
        "Oväntade extra argument ({args})",
    ),
    "Option {name!r} requires an argument.": (
        "Alternativet {name!r} behöver ett värde.",
        "Alternativet {name!r} behöver {nargs} värden.",
    ),
    "{value!r} is not {choice}.": (
        "{value!r} är inte {choice}.",
        "{value!r} är inget av {choices}.",
    ),
    "Did you mean {possibility}?": (
        "Menade du {possibility}?",
        "(Menade du något av: {possibilities}?)",
    ),
    "{value!r} does not match the format {format}.": (
        "{value!r} följer inte formatet {format}.",
        "{value!r} följer inte formaten {formats}.",
    ),
    "Takes {nargs} values but 1 was given.": (
        "Tar {nargs} värden men fick 1.",
        "Tar {nargs} värden men fick {len}.",
    ),
}

#: The Swedish of each command's help and each option's.
HELP_SV: dict[str, str] = {
    "main": (
        "Planera ett folkbiblioteks lokala kommunikationsarbete.\n\n"
        'En plan är en YAML-, JSON- eller TOML-fil som följer arbetsboken "Vårt biblioteks '
        'lokala målgrupper". Börja en med `klusterplan new`, granska den med `klusterplan '
        "check` och exportera den med `klusterplan export`."
    ),
    "new:short": "Börja en ny planfil: en kommenterad startplan, eller exemplet.",
    "new": (
        "Börja en ny planfil: en kommenterad startplan, eller exemplet.\n\n"
        "Startplanen är kommenterad på svenska, med varje tillåtet värde och ett exempel "
        "under varje lista. Formatet följer filändelsen (.yaml, .json, .toml); kommentarerna "
        "finns bara kvar i YAML. Det kommandot säger om sig självt är på systemets språk om "
        "inte --lang säger annat."
    ),
    "new --example": "Skriv den ifyllda exempelplanen i stället för en tom.",
    "new --force": "Skriv över filen om den finns.",
    "export:short": "Exportera varje PLAN i varje format; utfilens namn kommer från planfilens.",
    "export": (
        "Exportera varje PLAN i varje format; utfilens namn kommer från planfilens.\n\n"
        "Många planer exporteras parallellt (--jobs); i en terminal visar en förloppsindikator "
        "hur långt körningen har kommit. En plan med problem rapporteras, varje problem med "
        "sin sökväg, och inget skrivs för den; de andra planerna exporteras ändå. Två planer "
        "vars utfiler skulle få samma namn skriver aldrig över varandra: den senare får ett "
        "tillägg, med en notis.\n\n"
        "Slutkoder: 0 varje fil skrevs, 1 en exportör eller en arbetsprocess misslyckades, "
        "2 en plan kunde inte läsas eller har fel, eller ett alternativ är fel.\n\n"
        "--lang är dokumentens språk och språket för det kommandot säger: utan det exporteras "
        "varje plan på sitt eget språk, och kommandot talar ett språk under hela körningen: "
        "planernas när de har samma, annars systemets."
    ),
    "export --example": "Exportera också den inbyggda exempelplanen.",
    "export --to": (
        "Formaten att skriva, med stora eller små bokstäver (docx eller word, pdf, html ...); "
        "`klusterplan plugins` listar dem. Utan det väljer filändelsen i -o FIL."
    ),
    "export --output": (
        "Vart det skrivs: en fil (dess filändelse väljer formatet utan --to), - för "
        "standardutdata, eller en mapp (som slutar på /, finns, eller för flera planer eller "
        "format). Standard: bredvid varje plan; den aktuella mappen för --example."
    ),
    "export --jobs": (
        "Hur många planer som exporteras samtidigt, var och en i en egen process "
        "[standard: antalet processorer]."
    ),
    "export --hook-timeout": (
        "Hur länge en krok i en insticksmodul (ett format, branding) får arbeta innan det "
        "formatet misslyckas; 0: ingen gräns."
    ),
    "check:short": "Läs in varje PLAN och granska den med reglerna.",
    "check": (
        "Läs in varje PLAN och granska den med reglerna.\n\n"
        "Inställningar kommer från `[tool.klusterplan]` i en pyproject.toml, eller från en "
        "klusterplan.toml, som söks från varje plans mapp och uppåt; alternativ som anges här "
        "går före (--show-settings skriver ut resultatet). `klusterplan rule` listar reglerna. "
        "Meddelandena är på planens språk om inte --lang säger annat.\n\n"
        "Slutkoder: 0 inget fynd på eller över --fail-on, 1 ett sådant fynd finns kvar, 2 en "
        "plan kunde inte läsas in eller ett alternativ eller en inställning är fel."
    ),
    "check --select": "Kör bara de här reglerna: koder eller prefix, kommaseparerade (KP1,KAL101).",
    "check --extend-select": (
        "Kör också de här reglerna, utöver dem --select eller inställningarna väljer."
    ),
    "check --ignore": "Utelämna de här koderna eller prefixen.",
    "check --severity": "Ändra en regels allvarlighetsgrad, t.ex. KP105=error (kan upprepas).",
    "check --output-format": (
        "text: en rad per fynd; json: den dokumenterade strukturen; github: anteckningar för "
        "GitHub Actions; sarif: SARIF 2.1.0 för kodgranskning."
    ),
    "check --all": (
        "Visa varje fynd; utan det visar textutdata de 10 viktigaste först och räknar resten."
    ),
    "check --show-settings": (
        "Skriv ut inställningarna varje plan skulle granskas med (fil, regler, "
        "allvarlighetsgrader) och avsluta."
    ),
    "check --fail-on": (
        "Avsluta med 1 när ett fynd med den här allvarlighetsgraden eller värre finns kvar "
        "[standard: error]."
    ),
    "check --accessibility": (
        "Kör publiceringskontrollerna (KP7xx): det som hindrar de exporterade dokumenten från "
        "att vara tillgängliga. Med --select körs båda."
    ),
    "check --config": (
        "En klusterplan.toml eller pyproject.toml att använda i stället för att söka en."
    ),
    "import:short": (
        "Läs DOKUMENT, en Word-fil som klusterplan skrev, ifylld eller redigerad, tillbaka "
        "till en plan."
    ),
    "import": (
        "Läs DOKUMENT, en Word-fil som klusterplan skrev, ifylld eller redigerad, tillbaka "
        "till en plan.\n\n"
        "Arbetsboken ifylld på en workshop, eller planens Word-export efter en "
        "kommentarsrunda: varje svar hamnar där dokumentets markeringar säger att det hör "
        "hemma. Med -o skrivs en ny planfil; med --into uppdateras en befintlig på plats "
        "(atomärt), och det som ändrades skrivs ut, värde för värde. Text som skrivits "
        "utanför alla fält rapporteras, men läses inte.\n\n"
        "Det kommandot säger är på --lang, annars på språket i planfilen --into anger, "
        "annars på dokumentets; dokumentets egna rubriker och kolumnnamn citeras som det har "
        "dem.\n\n"
        "Slutkoder: 0 inläst, 2 dokumentet eller planfilen kunde inte läsas."
    ),
    "import --output": "Skriv en ny planfil (.yaml, .json eller .toml).",
    "import --into": (
        "Uppdatera den här planfilen på plats, med dess kommentarer och nyckelordning kvar (YAML)."
    ),
    "import --dry-run": "Skriv bara ut vad som skulle ändras; skriv inget.",
    "import --force": "Med -o: ersätt en fil som redan finns.",
    "plugins:short": (
        "Lista varje insticksmodul med dess krokar, exportörer och regler, och var var och en "
        "kommer ifrån."
    ),
    "plugins": (
        "Lista varje insticksmodul med dess krokar, exportörer och regler, och var var och en "
        "kommer ifrån.\n\n"
        "Sista raden säger vilka insticksmoduler som ger en profil (logotyp, färger, sidfot), i "
        "den ordning de tillfrågas; med PLAN vilken profil den planen får. Listan är på "
        "systemets språk om inte --lang säger annat; det en insticksmodul säger om sina "
        "exportörer visas på det språket när modulen ger det, annars som modulen skrev det."
    ),
    "plugins --to": "Med PLAN: formatet vars profil visas.",
    "rule:short": (
        "Förklara regeln KOD, eller lista varje regel (kod, namn, allvarlighetsgrad, modul)."
    ),
    "rule": (
        "Förklara regeln KOD, eller lista varje regel (kod, namn, allvarlighetsgrad, modul).\n\n"
        "Förklaringen är på systemets språk om inte --lang säger annat; `rules` är ett annat "
        "namn på det här kommandot."
    ),
    "rule --all": "Lista varje regel (som utan KOD).",
    "rule --output-format": "Text för en terminal, eller JSON för andra program.",
    "schema:short": (
        "Skriv ut planformatets JSON Schema, för redigerare som kontrollerar medan du skriver."
    ),
    "schema": (
        "Skriv ut planformatets JSON Schema, för redigerare som kontrollerar medan du skriver."
    ),
    "schema --output": "Skriv till en fil i stället för att skriva ut.",
    "workbook:short": 'Skriv workshoppens arbetsbok "Vårt biblioteks lokala målgrupper".',
    "workbook": (
        'Skriv workshoppens arbetsbok "Vårt biblioteks lokala målgrupper".\n\n'
        "Tom har den plats att skriva för hand under varje punkt: A/B-raderna, ATT GÖRA-"
        "tabellerna, dialogforumets sammanfattning, dagordningen och klusterkampanjen. Med "
        "--from skrivs det planen redan säger ut i stället, så att ett bibliotek kan ta med "
        "sin halvfärdiga plan till nästa workshop.\n\n"
        "Det kommandot säger om sig självt är på --lang, annars på språket i planen --from "
        "anger, annars på systemets."
    ),
    "workbook --output": (
        "Filen att skriva; dess filändelse väljer formatet (.docx, .pdf, .html, .ua.pdf ...)."
    ),
    "workbook --from": "En plan vars svar fyller arbetsboken; resten lämnas att skriva för hand.",
    "workbook --to": "Formatet att skriva (standard: väljs av filändelsen).",
    "summary:short": "Sammanfatta planerna för ett klusters bibliotek i en rapport.",
    "summary": (
        "Sammanfatta planerna för ett klusters bibliotek i en rapport.\n\n"
        "PLANER är planfiler, mappar med planer eller mönster som 'plans/*.yaml'. Rapporten "
        "ställer biblioteken sida vid sida: målgrupperna vart och ett prioriterade och valde "
        "för kampanjen, rösterna summerade över klustret, åtgärderna efter tidshorisont och "
        "status med det som är sent och det som närmar sig, tipsen som är värda att dela, "
        "varje plans fynd och en utvärderingstabell för hela klustret.\n\n"
        "En plan som inte kan läsas in listas i rapporten, som ändå skrivs; kommandot "
        "avslutas då med 2.\n\n"
        "Rapporten och det kommandot säger är på --lang, annars på planernas språk när de "
        "har samma, annars på systemets."
    ),
    "summary --to": (
        "docx, pdf, markdown, json eller en insticksmoduls dokumentformat (standard: från "
        "filändelsen i -o)."
    ),
    "summary --output": "Filen att skriva; utan den skrivs json ut.",
    "status:short": (
        "Skriv ut det som är sent och det som närmar sig i varje PLAN, för ett arbetsplatsmöte."
    ),
    "status": (
        "Skriv ut det som är sent och det som närmar sig i varje PLAN, för ett "
        "arbetsplatsmöte.\n\n"
        "Sent: åtgärder och aktiviteter som fortfarande är planerade eller pågår och vars "
        "datum har passerat. Närmar sig: de som är daterade från i dag till och med --within "
        "dagar framåt. Varje plan skrivs ut på sitt eget språk om inte --lang säger annat; en "
        "plan som inte kan läsas berättas om på det språk dess fil anger, annars på systemets. "
        "PLANER kan vara filer, mappar med planer eller mönster som 'plans/*.yaml'."
    ),
    "status --output-format": "Rader att läsa upp på ett möte, eller JSON för andra program.",
    # options several commands share
    "--lang": (
        "Språket i det du läser: sv (svenska) eller en (English) [standard: planens språk; "
        "utan plan, systemets språkinställning]."
    ),
    "--large-print": "Storstil: brödtext på minst 16 punkter.",
    "--template": (
        "Ett referensdokument vars formatmallar och sidinställningar exporten använder (Word)."
    ),
    "--option": "En inställning för en exportör från en insticksmodul; kan upprepas.",
    "--today": "Dagen uppföljningen gäller (standard: i dag).",
    "--within": "Hur många dagar framåt som räknas som att närma sig under den kommande perioden.",
}
