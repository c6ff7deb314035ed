"""The name register: people, places and organisations with their spellings across languages."""
