from civica.accounts.predicates import is_editor
from civica.core.permissions import add_admin_perms

add_admin_perms("network", ["organisation", "programme", "space"], is_editor)
