"""The editors' screens of world-café workshops (under /<lang>/workshops/manage/): the list, setting a
workshop up on a meeting, the control panel of the live event, placing the notes written since the
last harvest and splitting a theme."""
