"""The Opportunities tab: the Career Opportunity Evaluation Matrix as a scoring grid."""
