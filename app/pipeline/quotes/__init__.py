"""Quoted passages: scanning marks (`scan`), typing passages (`classify`), the component."""
