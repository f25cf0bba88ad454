"""Everything a reader is told, in Swedish and English: the one message catalogue.

:mod:`.language` names the two languages, :mod:`.text` the :class:`Text`
that carries both wordings, :mod:`.messages` the messages of commands,
loaders and exporters, :mod:`.labels` the labels documents show,
:mod:`.format` how numbers and dates read, :mod:`.locale` the reader's
language from the system. It imports only :mod:`klusterplan._support`.
"""
