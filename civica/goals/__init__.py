"""Goals that the city's and the centre's work is tagged with (issue 19, point 5): the 17 Sustainable
Development Goals and the EU Mission for 100 climate-neutral and smart cities by 2030. One shared list
(``Goal``), low in the import graph, so consultations, plan activities, programmes and calls tag with the
same rows and the observatory's goal pages can gather what each goal has."""
