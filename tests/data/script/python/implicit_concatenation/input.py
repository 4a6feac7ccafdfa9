"""split id"""
revision = ("ab12"
            "cd34")
down_revision = 'ef' 'gh' "56"
branch_labels = None
depends_on = None
