"""``python -m klusterplan``: the same as the ``klusterplan`` command."""

from .cli import main

if __name__ == "__main__":
    main()
