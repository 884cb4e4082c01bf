"""Comments on meetings become participation's threaded comments (replies, votes, 15-minute edits),
like those on ideas and debates: the rows move over, the meeting keeps a comment counter."""

from django.db import migrations, models


def move_comments(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Meeting = apps.get_model("meetings", "Meeting")
    MeetingComment = apps.get_model("meetings", "MeetingComment")
    Comment = apps.get_model("participation", "Comment")
    meeting_type, _ = ContentType.objects.get_or_create(app_label="meetings", model="meeting")
    moved = [
        Comment(target_type_id=meeting_type.pk, target_id=old.meeting_id, author_id=old.author_id, body=old.body,
                is_hidden=old.is_hidden, created_at=old.created_at)
        for old in MeetingComment.objects.order_by("created_at", "id")
    ]
    Comment.objects.bulk_create(moved)
    for meeting in Meeting.objects.all():
        meeting.comment_count = MeetingComment.objects.filter(meeting=meeting, is_hidden=False).count()
        meeting.save(update_fields=["comment_count"])


def move_back(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    MeetingComment = apps.get_model("meetings", "MeetingComment")
    Comment = apps.get_model("participation", "Comment")
    meeting_type = ContentType.objects.filter(app_label="meetings", model="meeting").first()
    if meeting_type is None:
        return
    comments = Comment.objects.filter(target_type_id=meeting_type.pk, is_deleted=False)
    MeetingComment.objects.bulk_create([
        MeetingComment(meeting_id=comment.target_id, author_id=comment.author_id, body=comment.body[:2000],
                       is_hidden=comment.is_hidden, created_at=comment.created_at)
        for comment in comments.order_by("created_at", "id")
    ])
    Comment.objects.filter(target_type_id=meeting_type.pk).delete()


class Migration(migrations.Migration):

    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("meetings", "0004_meeting_comments"),
        ("participation", "0006_stored_search_vectors"),
    ]

    operations = [
        migrations.AddField(
            model_name="meeting",
            name="comment_count",
            field=models.PositiveIntegerField(default=0, editable=False, verbose_name="comments"),
        ),
        migrations.RunPython(move_comments, move_back),
        migrations.DeleteModel(name="MeetingComment"),
    ]
