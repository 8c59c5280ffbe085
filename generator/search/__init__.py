"""Site search in the trainees' language: a Pagefind index of the built site."""
