"""computed parent"""
revision = 'child1'
down_revision = get_parent('child1')
