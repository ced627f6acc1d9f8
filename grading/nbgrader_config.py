# nbgrader configuration of the simkit course; written by simkit (simkit.certify.layout) when missing,
# never overwritten: edit freely. `python -m simkit.certify.layout DIR` lays the course out beside it.
import os

c = get_config()  # noqa: F821
here = os.path.dirname(os.path.abspath(__file__))  # noqa: F821 (traitlets sets __file__)
c.CourseDirectory.root = here
c.CourseDirectory.course_id = "simkit"
# SQLite beside this file unless SIMKIT_GRADEBOOK_URL names another SQLAlchemy URL
# (postgresql+psycopg://user@host/db for several graders).
c.CourseDirectory.db_url = os.environ.get("SIMKIT_GRADEBOOK_URL") or "sqlite:///" + os.path.join(here, "gradebook.db")
c.Execute.timeout = 30          # seconds per cell; a cell over it is interrupted and scores 0
# Feedback shows no hidden test (simkit certify checks its own feedback for them after writing it).
c.GenerateFeedback.preprocessors = [
    "nbgrader.preprocessors.GetGrades",
    "nbconvert.preprocessors.CSSHTMLHeaderPreprocessor",
    "nbgrader.preprocessors.ClearHiddenTests",
]
