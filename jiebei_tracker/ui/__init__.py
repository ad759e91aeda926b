"""The Qt window: main window, views, item models, dialogs. Talks to services only, never to SQL."""
