"""The Checklist tab: success indicators rated in regular check-ins, their trend, and the red flags."""
