"""The cluster: several libraries' plans summarised side by side, and the summary's document."""
