"""A complete sample answers file: what `followup example` prints and the worksheet can load."""

SAMPLE = """\
{
  "version": 1,
  "candidate": {"name": "Ada Lovelace", "email": "ada@example.org", "phone": "+44 20 7946 0000", "signature": ""},
  "company": {"name": "Analytical Engines Ltd", "news": "the launch of your streaming service"},
  "role": "Data Engineer",
  "interview": {
    "date": "2026-12-03",
    "time": "10:30",
    "stage": "panel",
    "format": "video",
    "interviewers": [
      {"name": "Grace Hopper", "title": "Engineering Manager", "email": "grace@example.org",
       "discussed": "moving the nightly batch jobs to streaming"},
      {"name": "Alan Turing", "title": "Principal Engineer", "email": "alan@example.org",
       "discussed": "how the team tests its data pipelines"},
      {"name": "Katherine Johnson", "title": "Head of Analytics", "email": "katherine@example.org",
       "discussed": ""}
    ],
    "highlights": ["migrating a 2 TB warehouse to Parquet", "keeping a 24/7 payments pipeline running"],
    "concerns": [{"question": "experience with project management software",
                  "answer": "three years of running sprints in Jira and Asana"}],
    "extra_info": [{"topic": "Portfolio", "detail": "the pipeline case study we talked about", "link": "https://example.org/case"}],
    "decision_date": "2026-12-11",
    "next_steps": "a take-home exercise"
  },
  "update": "I have since completed the AWS data engineering certification",
  "preferences": {"tone": "formal", "channel": "email"}
}
"""
