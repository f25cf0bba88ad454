"""Plan files: read, limited, converted and written (YAML, JSON, TOML).

:mod:`.formats` parses and serialises, :mod:`.limits` and :mod:`.validate`
bound what is read, :mod:`.convert` and :mod:`.resolve` turn data into the
model, :mod:`.io` is ``loads``/``dumps``/``dump``, :mod:`.yaml_update`
changes a YAML file in place. Word documents are read one layer up.
"""
