-- Changeset more_changes.xml::rename-view::t
RENAME v_old TO v_new;

