"""The typed model of a local library's communication plan.

Every class mirrors a section of the planning workbook. All classes are
frozen attrs classes whose collections are tuples, so a loaded plan can be
shared and cached safely; use :func:`attrs.evolve` to derive a changed copy.

Nearly every field is optional with an empty default: a plan in progress
must load, and what it still lacks is reported by the rule checks.

Each field carries two pieces of metadata used by the JSON Schema and the
format reference: ``doc`` (what the key means) and ``sv`` (the workbook's
Swedish term).
"""

import datetime as _dt
import enum
from typing import Any

import attrs

from .._catalogue.language import Language
from .._support.record import Record
from ._checked import CHECK

__all__ = [
    "DEFAULT_CENTRES",
    "DEFAULT_STAIRCASE",
    "SCHEMA_VERSION",
    "Action",
    "ActionStatus",
    "Activity",
    "Analysis",
    "Campaign",
    "CampaignGroup",
    "Centre",
    "CentreProfile",
    "CommunicationPlan",
    "Contact",
    "CustomerCare",
    "DevelopmentLeader",
    "DialogueForum",
    "DocumentControl",
    "DocumentStatus",
    "Evaluation",
    "FocusGroup",
    "FurtherWork",
    "Goals",
    "Horizon",
    "Indicator",
    "Language",
    "Library",
    "Message",
    "Organisation",
    "Partner",
    "Persona",
    "Plan",
    "Segment",
    "SocialFilter",
    "StaircasePosition",
    "Step",
    "Suppression",
    "Survey",
    "TargetGroup",
    "Validation",
    "ValueWord",
    "Values",
]

#: The plan-file format version this release reads and writes.
SCHEMA_VERSION = 1


def _f(default: Any = attrs.NOTHING, *, doc: str, sv: str = "", factory: Any = None) -> Any:
    """Declare a field with its documentation, its Swedish workbook term and the check."""
    metadata = {"doc": doc, "sv": sv}
    if factory is not None:
        return attrs.field(factory=factory, metadata=metadata, converter=CHECK)
    return attrs.field(default=default, metadata=metadata, converter=CHECK)


def _text(doc: str, sv: str = "") -> Any:
    return _f("", doc=doc, sv=sv)


def _texts(doc: str, sv: str = "") -> Any:
    return _f(doc=doc, sv=sv, factory=tuple)


def _status_changed() -> Any:
    return _f(
        None,
        doc="When the status last changed; the follow-up sees how long it has stood still.",
        sv="status ändrad",
    )


def _indicator() -> Any:
    return _f(
        doc="What shows that it worked: a measure, its target and its result.",
        sv="uppföljning och utvärdering av insatser",
        factory=Indicator,
    )


def _worth_sharing() -> Any:
    return _f(
        False,
        doc="true when other libraries of the cluster should hear of it.",
        sv="dela med oss av goda råd/tips",
    )


def _sharing_reason() -> Any:
    return _text("One line on why it is worth sharing.", "varför")


class Segment(enum.Enum):
    """Whether a target group is existing (A) or new (B) customers."""

    A = "A"
    B = "B"


class Horizon(enum.Enum):
    """When an action is meant to happen."""

    IMMEDIATE = "immediate"
    LONG_TERM = "long_term"


class ActionStatus(enum.Enum):
    """How far an action or activity has come."""

    PLANNED = "planned"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    DROPPED = "dropped"


@attrs.frozen(repr=False, eq=False)
class Library(Record):
    """The local library (branch) whose plan this is."""

    name: str = _text("The library's name.", "lokalt bibliotek")
    municipality: str = _text("The municipality the library belongs to.", "kommun")
    cluster: str = _text("The cluster of libraries it campaigns with.", "kluster")
    period: str = _text("The period the plan covers, e.g. 2010–2011.", "period")
    author: str = _text("Who wrote the plan (a person or a team).", "författare")
    date: _dt.date | None = _f(
        None, doc="The plan's date; exports use it as the document date.", sv="datum"
    )


class DocumentStatus(enum.Enum):
    """Where the plan stands on its way to a decision."""

    DRAFT = "draft"
    REVIEW = "review"
    ADOPTED = "adopted"


@attrs.frozen(repr=False, eq=False)
class Contact(Record):
    """The person readers turn to with questions about the plan."""

    name: str = _text("The contact person's name.", "kontaktperson")
    role: str = _text("Their title or role, e.g. bibliotekschef.", "befattning")
    email: str = _text("Their e-mail address.", "e-post")
    phone: str = _text("Their telephone number.", "telefon")


@attrs.frozen(repr=False, eq=False)
class DocumentControl(Record):
    """What the cover says of the document itself: its type, status, version and owner.

    Every field is optional; the cover shows those that are filled in.
    """

    type: str = _text(
        "The document type on the cover; empty: Kommunikationsplan (Communication plan).",
        "dokumenttyp",
    )
    status: DocumentStatus | None = _f(
        None,
        doc="draft, review (out for consultation) or adopted; every page of a draft or a "
        "plan out for review is marked as such.",
        sv="status (utkast, remiss, fastställd)",
    )
    version: str = _text("The version, e.g. 1.2.", "version")
    decided_by: str = _text(
        "Who adopts the plan, or adopted it, e.g. Kultur- och fritidsnämnden.", "beslutad av"
    )
    decided_on: _dt.date | None = _f(None, doc="The date the plan was adopted.", sv="beslutsdatum")
    reference: str = _text("The registry number, e.g. KFN 2010/123.", "diarienummer")
    contact: Contact = _f(doc="Whom to ask about the plan.", sv="kontaktperson", factory=Contact)


@attrs.frozen(repr=False, eq=False)
class Partner(Record):
    """A regional programme or partner the library relates to."""

    name: str = _text("The programme's name, e.g. Futurum or Kombib.", "Futurum, Kombib")
    relation: str = _text("How the library relates to it.", "hur förhåller vi oss till")


@attrs.frozen(repr=False, eq=False)
class DevelopmentLeader(Record):
    """The development-leader role."""

    name: str = _text("Who holds the role.", "utvecklingsledare")
    interfaces: str = _text("Whom the role meets and hands over to.", "gränssnitt")
    responsibility: str = _text("What the role is responsible for.", "ansvar")
    development_potential: str = _text("How the role could grow.", "utvecklingspotential")


@attrs.frozen(repr=False, eq=False)
class Organisation(Record):
    """The library's mission, partners and resources."""

    mission: str = _text("The library's mission.", "uppdrag")
    partners: tuple[Partner, ...] = _f(
        doc="Regional programmes the library relates to.",
        sv="Futurum och Kombib",
        factory=tuple,
    )
    staffing: str = _text("Who works at the library and how much.", "bemanning")
    competence: str = _text("The staff's competence.", "kompetens")
    resources: str = _text("Premises, money and other resources.", "resurser")
    development_leader: DevelopmentLeader = _f(
        doc="The development-leader role.",
        sv="rollen som utvecklingsledare",
        factory=DevelopmentLeader,
    )


@attrs.frozen(repr=False, eq=False)
class _Choice(Record):
    """A named choice a plan offers its target groups: a centre, a step of the staircase."""

    id: str = _f(doc="Short key that target groups (and centre profiles) refer to.", sv="")
    name: str = _text("Its name as readers see it.", "namn")
    description: str = _text("What it means for a target group.", "")


@attrs.frozen(repr=False, eq=False)
class Centre(_Choice):
    """One field of the centre matrix."""


#: Andersson & Skot-Hansen's four roles of a public library, the workbook's matrix.
DEFAULT_CENTRES: tuple[Centre, ...] = (
    Centre("culture", "Kulturcentrum", "Konst, litteratur och kulturupplevelser."),
    Centre("knowledge", "Kunskapscentrum", "Lärande, bildning och utbildning."),
    Centre("information", "Informationscentrum", "Samhällsinformation och vägledning."),
    Centre("social", "Socialt centrum", "Mötesplats, gemenskap och delaktighet."),
)


@attrs.frozen(repr=False, eq=False)
class Step(_Choice):
    """One step of the communication staircase."""


#: The communication staircase from first awareness to ambassador.
DEFAULT_STAIRCASE: tuple[Step, ...] = (
    Step("awareness", "Kännedom", "Känner till att biblioteket och erbjudandet finns."),
    Step("knowledge", "Kunskap", "Vet vad biblioteket kan ge just dem."),
    Step("attitude", "Attityd", "Tycker om och litar på biblioteket."),
    Step("action", "Handling", "Använder biblioteket."),
    Step("ambassador", "Ambassadör", "Rekommenderar biblioteket till andra."),
)


@attrs.frozen(repr=False, eq=False)
class CentreProfile(Record):
    """What kind of centre the library is at one point in time."""

    centres: tuple[str, ...] = _texts(
        "Centre ids, the dominant first.", "vilken typ av centrum dominerar"
    )
    description: str = _text("The profile in words.", "")


@attrs.frozen(repr=False, eq=False)
class DialogueForum(Record):
    """The summary of the dialogue forum."""

    held: str = _text("When and where the forum was held.", "dialogforum våren 2010")
    products: tuple[str, ...] = _texts(
        "The library's most important products and services.",
        "våra viktigaste produkter",
    )
    centre_today: CentreProfile = _f(
        doc="The centre today.", sv="centrum idag", factory=CentreProfile
    )
    centre_tomorrow: CentreProfile = _f(
        doc="The centre tomorrow.", sv="centrum i morgon", factory=CentreProfile
    )
    centre_approach: str = _text(
        "The approach to choosing a centre, and whether the library thinks differently "
        "from the whole.",
        "förslag kring förhållningssätt i val av centrum",
    )


@attrs.frozen(repr=False, eq=False)
class Analysis(Record):
    """Weaknesses today and strengths tomorrow."""

    weaknesses_today: tuple[str, ...] = _texts("Weaknesses today.", "svagheter idag")
    strengths_tomorrow: tuple[str, ...] = _texts("Strengths tomorrow.", "styrkor i morgon")


@attrs.frozen(repr=False, eq=False)
class SocialFilter(Record):
    """The social centre's perspective as a filter over a group's activities."""

    meaning: str = _text(
        "What a permeable social-perspective filter means for this group.",
        "genomsläppligt filter av socialt perspektiv",
    )
    needs: tuple[str, ...] = _texts("The group's social needs.", "vilka behov har de")


@attrs.frozen(repr=False, eq=False)
class StaircasePosition(Record):
    """Where a target group stands on the communication staircase."""

    current: str | None = _f(
        None, doc="The step id the group is on today.", sv="var befinner de sig"
    )
    target: str | None = _f(None, doc="The step id the plan aims for.", sv="mål")


@attrs.frozen(repr=False, eq=False)
class FocusGroup(Record):
    """A focus group that tests a persona against real people."""

    planned_size: int | None = _f(
        None, doc="How many people the group should have.", sv="10 personer"
    )
    recruited: int | None = _f(None, doc="How many have said yes so far.", sv="")
    recruitment: str = _text("How to get in touch with the people.", "hur får vi kontakt")
    date: _dt.date | None = _f(None, doc="When the group meets.", sv="")


@attrs.frozen(repr=False, eq=False)
class Survey(Record):
    """A survey that complements the focus group."""

    by: str = _text("Who carries it out, e.g. college students.", "högskolan/andra studenter")
    method: str = _text("How it is done.", "")
    description: str = _text("What it asks and of whom.", "kompletterande undersökningar")
    date: _dt.date | None = _f(None, doc="When it is done.", sv="")


@attrs.frozen(repr=False, eq=False)
class Validation(Record):
    """How a persona has been matched against real information."""

    focus_group: FocusGroup = _f(doc="The focus group.", sv="fokusgrupp", factory=FocusGroup)
    surveys: tuple[Survey, ...] = _f(
        doc="Complementary surveys.", sv="undersökningar", factory=tuple
    )
    matches: tuple[str, ...] = _texts("Where the persona matched reality.", "överensstämmelser")
    gaps: tuple[str, ...] = _texts("Where the persona and reality differed.", "glapp")
    lessons: str = _text("What the library learned from the result.", "lär av resultatet")


@attrs.frozen(repr=False, eq=False)
class Persona(Record):
    """A named, concrete person standing for a target group."""

    name: str = _text("The persona's name.", "persona")
    age: int | None = _f(None, doc="Age in years.", sv="ålder")
    life_situation: str = _text("Home, work and everyday life.", "livssituation")
    story: str = _text("A longer story of the persona.", "berättelse")
    needs: tuple[str, ...] = _texts("What the persona needs.", "behov")
    goals: tuple[str, ...] = _texts("What the persona wants to achieve.", "mål")
    frustrations: tuple[str, ...] = _texts("What stands in the way.", "frustrationer")
    channels: tuple[str, ...] = _texts("Where the persona can be reached.", "kanaler")
    quote: str = _text("A typical thing the persona says.", "citat")
    validation: Validation = _f(
        doc="How the persona was matched against reality.",
        sv="matcha persona mot verklig information",
        factory=Validation,
    )


@attrs.frozen(repr=False, eq=False)
class TargetGroup(Record):
    """A prioritised target group."""

    id: str = _f(doc="Short key that actions and the campaign refer to.", sv="")
    name: str = _text("The group's name.", "målgrupp")
    votes: int | None = _f(None, doc="Votes the group got at the dialogue forum.", sv="röster")
    segment: Segment | None = _f(
        None,
        doc="A for existing customers, B for new customers.",
        sv="A befintliga / B nya kunder",
    )
    description: str = _text("Who the group is.", "definiera")
    needs: tuple[str, ...] = _texts("What the group needs from the library.", "behov")
    social_filter: SocialFilter = _f(
        doc="The social centre's perspective for this group.",
        sv="perspektiv av det sociala centrat",
        factory=SocialFilter,
    )
    centre: str | None = _f(None, doc="The centre id the group is placed in.", sv="rätt ruta")
    staircase: StaircasePosition = _f(
        doc="The group's place on the communication staircase.",
        sv="kommunikationstrappan",
        factory=StaircasePosition,
    )
    persona: Persona | None = _f(None, doc="The group's persona.", sv="persona")


@attrs.frozen(repr=False, eq=False)
class CustomerCare(Record):
    """The plan for existing A-customers."""

    summary: str = _text("How the library cares for its existing customers.", "aktiv kundvård")
    activities: tuple[str, ...] = _texts("What it does.", "")
    responsible: str = _text("Who is responsible.", "ansvar")


@attrs.frozen(repr=False, eq=False)
class ValueWord(Record):
    """A core value word and what it means in practice."""

    word: str = _text("The value word.", "värdeord")
    for_staff: str = _text("What it means for the staff.", "vad innebär det för oss som personal")
    for_target_groups: str = _text(
        "What it means for the target groups.", "vad innebär det för målgrupperna"
    )


@attrs.frozen(repr=False, eq=False)
class Values(Record):
    """Core values and the brand promise."""

    promise: str = _text("The brand promise.", "löfte")
    promise_fulfilment: str = _text(
        "How the library fulfils the promise.",
        'hur skall vi uppfylla löftet "Låna dig rik"',
    )
    for_staff: str = _text(
        "What the promise means for the staff.", "vad innebär det för oss som personal"
    )
    for_target_groups: str = _text(
        "What the promise means for the target groups.",
        "vad innebär det för målgrupperna",
    )
    words: tuple[ValueWord, ...] = _f(doc="The value words.", sv="kärnvärden", factory=tuple)


@attrs.frozen(repr=False, eq=False)
class Indicator(Record):
    """What shows that an action or activity worked: a measure, its target and its result.

    The cluster's shared evaluation table gathers every library's indicators,
    so target and result are whole numbers in the same unit.
    """

    name: str = _text("What is counted or asked, e.g. new library cards for newcomers.", "mått")
    unit: str = _text("The unit of target and result, e.g. lånekort or %.", "enhet")
    target: int | None = _f(None, doc="The number aimed for.", sv="mål")
    result: int | None = _f(None, doc="The number reached so far.", sv="resultat")


@attrs.frozen(repr=False, eq=False)
class Action(Record):
    """One row of an ATT GÖRA table."""

    horizon: Horizon = _f(
        Horizon.IMMEDIATE,
        doc="immediate or long_term.",
        sv="möjliga omgående åtgärder / på längre sikt",
    )
    what: str = _text("What is to be done.", "vad vi kan göra")
    organisational_consequence: str = _text(
        "What it means for the organisation.", "organisatoriska konsekvenser"
    )
    communicative_consequence: str = _text(
        "What it means for communication.", "kommunikativa konsekvenser"
    )
    responsible: str = _text("Who is responsible.", "ansvar")
    roles: tuple[str, ...] = _texts("The roles involved.", "roller")
    target_groups: tuple[str, ...] = _texts("Ids of the target groups it serves.", "målgrupper")
    status: ActionStatus = _f(
        ActionStatus.PLANNED, doc="planned, in_progress, done or dropped.", sv="status"
    )
    due: _dt.date | None = _f(None, doc="When it should be done.", sv="klart")
    status_changed: _dt.date | None = _status_changed()
    indicator: Indicator = _indicator()
    worth_sharing: bool = _worth_sharing()
    sharing_reason: str = _sharing_reason()


@attrs.frozen(repr=False, eq=False)
class CampaignGroup(Record):
    """A target group chosen for the cluster campaign."""

    target_group: str = _text("The target group's id.", "grupp")
    priority: int | None = _f(None, doc="1 for the first priority, then 2, 3.", sv="prioritera dem")
    motivation: str = _text("Why the group was chosen.", "motivera valen")


@attrs.frozen(repr=False, eq=False)
class Campaign(Record):
    """The cluster campaign."""

    year: int | None = _f(None, doc="The campaign year.", sv="klusterkampanjen 2011")
    basis: str = _text(
        "The basic offer and segments the choice starts from.", "basutbud och segment"
    )
    groups: tuple[CampaignGroup, ...] = _f(
        doc="The chosen groups, at most three.", sv="välj max 3 grupper", factory=tuple
    )
    focus_group_plan: str = _text(
        "How to reach ten people for a focus group.",
        "kontakt med 10 personer för en fokusgrupp",
    )
    survey_plan: str = _text(
        "Complementary surveys, e.g. by college students.", "högskolan/andra studenter"
    )
    organisation: str = _text(
        "Who does what, and what the cluster work means for the organisation.",
        "vem gör vad",
    )


@attrs.frozen(repr=False, eq=False)
class Goals(Record):
    """What the target groups should know, feel and do."""

    know: tuple[str, ...] = _texts("What they should know.", "veta")
    feel: tuple[str, ...] = _texts("What they should feel.", "känna")
    do: tuple[str, ...] = _texts("What they should do.", "göra")


@attrs.frozen(repr=False, eq=False)
class Message(Record):
    """A message, for one target group or for all."""

    target_group: str | None = _f(None, doc="The target group's id; empty for all.", sv="målgrupp")
    text: str = _text("The message.", "budskap")


@attrs.frozen(repr=False, eq=False)
class Activity(Record):
    """One activity of the communication plan."""

    what: str = _text("What is done.", "aktivitet")
    channel: str = _text("Through which channel.", "kanal")
    target_groups: tuple[str, ...] = _texts("Ids of the target groups it reaches.", "målgrupper")
    date: _dt.date | None = _f(None, doc="When it happens.", sv="när")
    responsible: str = _text("Who is responsible.", "ansvarig")
    budget: int | None = _f(None, doc="Cost in whole kronor.", sv="budget")
    status: ActionStatus = _f(
        ActionStatus.PLANNED, doc="planned, in_progress, done or dropped.", sv="status"
    )
    status_changed: _dt.date | None = _status_changed()
    indicator: Indicator = _indicator()
    worth_sharing: bool = _worth_sharing()
    sharing_reason: str = _sharing_reason()


@attrs.frozen(repr=False, eq=False)
class Evaluation(Record):
    """How the communication is evaluated."""

    method: str = _text("How the effect is measured.", "utvärdering")
    indicators: tuple[str, ...] = _texts("What is counted or asked.", "mått")
    schedule: str = _text("When it is evaluated and reported.", "när")
    responsible: str = _text("Who evaluates.", "ansvar")


@attrs.frozen(repr=False, eq=False)
class CommunicationPlan(Record):
    """The communication plan for the cluster campaign."""

    background: str = _text("Why the plan is needed.", "bakgrund")
    purpose: str = _text("What the communication is for.", "syfte")
    goals: Goals = _f(doc="What the groups should know, feel and do.", sv="mål", factory=Goals)
    target_groups: tuple[str, ...] = _texts("Ids of the groups the plan addresses.", "målgrupper")
    messages: tuple[Message, ...] = _f(doc="The messages.", sv="budskap", factory=tuple)
    channels: tuple[str, ...] = _texts("The channels used.", "kanaler")
    activities: tuple[Activity, ...] = _f(doc="The activities.", sv="aktiviteter", factory=tuple)
    resources: str = _text("People and time set aside.", "resurser")
    budget: int | None = _f(None, doc="The total budget in whole kronor.", sv="budget")
    follow_up: str = _text("How progress is followed up during the campaign.", "uppföljning")
    evaluation: Evaluation = _f(
        doc="How the result is evaluated.", sv="utvärdering", factory=Evaluation
    )


@attrs.frozen(repr=False, eq=False)
class FurtherWork(Record):
    """Questions the workbook leaves for further discussion."""

    pr_media: str = _text("How the library works more actively with PR and media.", "PR/media")
    sharing_tips: str = _text(
        "How good advice and tips are shared between the libraries.",
        "dela med oss av goda råd/tips",
    )
    evaluation_template: str = _text(
        "The shared template for follow-up and evaluation.",
        "gemensam mall för uppföljning och utvärdering",
    )


@attrs.frozen(repr=False, eq=False)
class Suppression(Record):
    """A rule finding the library has decided to accept, with its reason."""

    code: str = _text("The rule code, e.g. KP105.", "")
    path: str = _text("The path the finding points at; empty for every path.", "")
    reason: str = _text("Why the finding is accepted.", "")


@attrs.frozen(repr=False, eq=False)
class Plan(Record):
    """A local library's communication plan: the whole workbook."""

    schema_version: int = _f(SCHEMA_VERSION, doc="The file format's version; always 1.", sv="")
    language: Language = _f(Language.SV, doc="The language of exports: sv or en.", sv="språk")
    library: Library = _f(doc="The local library.", sv="lokalt bibliotek", factory=Library)
    document: DocumentControl = _f(
        doc="Document type, status, version, decision and contact person, for the cover.",
        sv="dokumentinformation",
        factory=DocumentControl,
    )
    organisation: Organisation = _f(
        doc="Mission, partners, staffing and the development leader.",
        sv="uppdrag, bemanning, kompetens, resurser",
        factory=Organisation,
    )
    dialogue_forum: DialogueForum = _f(
        doc="The summary of the dialogue forum.",
        sv="summering av dialogforum",
        factory=DialogueForum,
    )
    centres: tuple[Centre, ...] = _f(
        DEFAULT_CENTRES,
        doc="The centre matrix; the four centres by default.",
        sv="centrum",
    )
    staircase: tuple[Step, ...] = _f(
        DEFAULT_STAIRCASE,
        doc="The communication staircase, in order.",
        sv="kommunikationstrappan",
    )
    analysis: Analysis = _f(
        doc="Weaknesses today and strengths tomorrow.",
        sv="svagheter och styrkor",
        factory=Analysis,
    )
    target_groups: tuple[TargetGroup, ...] = _f(
        doc="The prioritised target groups.",
        sv="våra prioriterade målgrupper",
        factory=tuple,
    )
    customer_care: CustomerCare = _f(
        doc="The care plan for existing A-customers.",
        sv="aktiv kundvård",
        factory=CustomerCare,
    )
    values: Values = _f(
        doc="Core values and promise.", sv="våra kärnvärden och löfte", factory=Values
    )
    actions: tuple[Action, ...] = _f(
        doc="Immediate and long-term actions.", sv="ATT GÖRA", factory=tuple
    )
    campaign: Campaign = _f(doc="The cluster campaign.", sv="klusterkampanjen", factory=Campaign)
    communication_plan: CommunicationPlan = _f(
        doc="The communication plan.",
        sv="kommunikationsplan",
        factory=CommunicationPlan,
    )
    further_work: FurtherWork = _f(
        doc="Questions for further work.", sv="diskutera vidare", factory=FurtherWork
    )
    summary: str = _text(
        "The plan's own summary for the board, a few sentences opening the summary page; "
        "when empty, one is composed from the plan's numbers.",
        "sammanfattning",
    )
    suppressions: tuple[Suppression, ...] = _f(
        doc="Rule findings accepted on purpose, each with a reason.",
        sv="",
        factory=tuple,
    )

    def target_group(self, id: str) -> TargetGroup | None:
        """Return the target group with this id, or ``None``."""
        for group in self.target_groups:
            if group.id == id:
                return group
        return None

    def rename_target_group(self, old: str, new: str) -> "Plan":
        """A copy with the target group ``old`` given the id ``new``, and every reference with it.

        The campaign, the actions, the communication plan's groups, messages and
        activities follow. Raises :class:`~klusterplan.PlanError` when no group has
        the id ``old`` (listing those that exist) or another group has ``new``.
        """
        from ._edit import rename_target_group

        return rename_target_group(self, old, new)

    def without_target_group(self, id: str) -> "Plan":
        """A copy without the target group ``id`` and without any reference to it.

        Its id leaves the actions, the activities and the communication plan's
        groups; the campaign groups that chose it and the messages addressed to it
        go; suppressions are renumbered. Raises :class:`~klusterplan.PlanError` when
        no group has the id.
        """
        from ._edit import remove_target_group

        return remove_target_group(self, id)

    def group_name(self, id: str) -> str:
        """The name a reader sees for the target group ``id``: its name, else the id."""
        group = self.target_group(id)
        return group.name if group is not None and group.name else id

    def centre(self, id: str) -> Centre | None:
        """Return the centre with this id, or ``None``."""
        for centre in self.centres:
            if centre.id == id:
                return centre
        return None

    def step(self, id: str) -> Step | None:
        """Return the staircase step with this id, or ``None``."""
        for step in self.staircase:
            if step.id == id:
                return step
        return None
