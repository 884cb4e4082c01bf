"""The goals' pages (issue 19, point 5): the SDGs and the EU climate mission, with what the programmes,
consultations, calls and plans do for each and the indicators that measure them. The goals themselves are
``civica.goals``; here the selectors, views and addresses of the observatory's pages about them."""
