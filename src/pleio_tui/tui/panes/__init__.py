"""The panes of the main screen: groups, feed, and the post with its composer."""
