"""Who may do what with the site's pages: everyone reads them; the centre's editors (and
administrators) edit them, read their history and restore a revision."""

import rules

from civica.accounts.predicates import is_editor

rules.add_perm("pages.edit", is_editor)
