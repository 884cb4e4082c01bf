"""The moved tables take the app's name (``participation_comment`` → ``comments_comment``,
``participation_commentvote`` → ``comments_commentvote``). Rows, keys, indexes and constraints stay
(on PostgreSQL the comment table's stored search vector and its GIN index too)."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('comments', '0001_initial'),
    ]

    operations = [
        migrations.AlterModelTable(name=name, table=None) for name in ['comment', 'commentvote']
    ]
