"""Strings of the refresh of an opened blog."""

NL_REFRESH = {
    "post.gone": "Dit blog staat niet meer op de site (of u mag het niet meer lezen); "
    "het is uit de cache gehaald.",
}

EN_REFRESH = {
    "post.gone": "This blog is no longer on the site (or you may no longer read it); "
    "it was removed from the cache.",
}
