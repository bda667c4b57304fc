"""Theano links."""
