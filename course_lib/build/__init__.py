"""The course's build pipeline; no lesson imports it (the learner modules are ``course_lib``'s others).

One module per concern: ``lessons`` (finding and reading lessons, ko/en parity), ``execute`` (running
them, cached by code), ``render`` (the caches behind lesson pages),
``postprocess`` (course features on a page's HTML), ``generated`` (glossary and build pages),
``hooks`` (MkDocs hooks), ``internals`` (every private attribute of a third-party package used),
``cache`` (the one writer and eviction policy), ``i18n`` (translation status), ``bench``, and
``python -m course_lib.build`` (``make build``).
"""
