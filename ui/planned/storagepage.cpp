#include "ui/planned/storagepage.h"

namespace okla::ui {

StoragePage::StoragePage(const PageContext &, QWidget *parent) : PlannedPage(parent)
{
    describe(tr("Object storage usage of the okla-media bucket."),
             {tr("Space and object counts by prefix (vehicles, users, dealers, temp)"),
              tr("Orphaned objects and image variants that are missing"),
              tr("Cost against the monthly budget")},
             tr("It comes with the object storage work in a later issue."));
}

} // namespace okla::ui
