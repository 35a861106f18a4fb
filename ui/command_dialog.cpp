#include "command_dialog.h"

#include "hmi_style.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include <cmath>

namespace ndh {

CommandDialog::CommandDialog(const CommandCatalog *catalog, const AssetPath &asset, std::function<QString()> whyNot,
                             QWidget *parent)
    : QDialog(parent)
    , m_catalog(catalog)
    , m_asset(asset)
    , m_whyNot(std::move(whyNot))
{
    setWindowTitle(tr("Send command to %1").arg(asset.id));
    auto *layout = new QVBoxLayout(this);
    auto *target = new QLabel(tr("Asset: %1 (%2, %3)").arg(asset.id, asset.type, asset.location), this);
    target->setTextFormat(Qt::PlainText);
    QFont bold = target->font();
    bold.setBold(true);
    target->setFont(bold);
    layout->addWidget(target);

    auto *top = new QFormLayout;
    m_command = new QComboBox(this);
    m_command->setObjectName(QStringLiteral("commandCombo"));
    for (const CommandSpec *c : m_catalog->commandsFor(asset.type))
        m_command->addItem(c->label, c->name);
    top->addRow(tr("&Command:"), m_command);
    layout->addLayout(top);

    m_paramBox = new QWidget(this);
    m_form = new QFormLayout(m_paramBox);
    m_form->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_paramBox);

    m_effect = new QLabel(this);
    m_effect->setTextFormat(Qt::PlainText);
    m_effect->setWordWrap(true);
    layout->addWidget(m_effect);
    m_error = new QLabel(this);
    m_error->setTextFormat(Qt::PlainText);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(HmiStyle::warningBadgeStyle());
    layout->addWidget(m_error);
    m_permission = new QLabel(this);
    m_permission->setTextFormat(Qt::PlainText);
    m_permission->setWordWrap(true);
    m_permission->setStyleSheet(HmiStyle::warningBadgeStyle());
    layout->addWidget(m_permission);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_send = buttons->addButton(tr("&Send…"), QDialogButtonBox::AcceptRole);
    m_send->setObjectName(QStringLiteral("sendButton"));
    // Never the default button: Enter in a spin box must not send a command.
    m_send->setAutoDefault(false);
    buttons->button(QDialogButtonBox::Cancel)->setDefault(true);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    disconnect(buttons, &QDialogButtonBox::accepted, this, nullptr);
    connect(m_send, &QPushButton::clicked, this, &CommandDialog::onSend);
    layout->addWidget(buttons);

    connect(m_command, &QComboBox::currentIndexChanged, this, &CommandDialog::rebuildParameters);
    rebuildParameters();
    if (m_command->count() == 0) {
        m_effect->setText(tr("The command configuration has no commands for asset type %1.").arg(asset.type));
        m_command->setEnabled(false);
    }
    setMinimumWidth(420);
}

const CommandSpec *CommandDialog::spec() const
{
    return m_catalog->find(m_asset.type, m_command->currentData().toString());
}

void CommandDialog::selectCommand(const QString &name)
{
    const int i = m_command->findData(name);
    if (i >= 0)
        m_command->setCurrentIndex(i);
}

QString CommandDialog::commandName() const
{
    return m_command->currentData().toString();
}

QWidget *CommandDialog::editorFor(const QString &parameter) const
{
    for (const auto &[name, w] : m_editors) {
        if (name == parameter)
            return w;
    }
    return nullptr;
}

void CommandDialog::rebuildParameters()
{
    while (m_form->rowCount() > 0)
        m_form->removeRow(0);
    m_editors.clear();
    if (const CommandSpec *s = spec()) {
        for (const CommandParameter &p : s->parameters) {
            QWidget *editor = nullptr;
            switch (p.type) {
            case CommandParameter::Type::Number: {
                auto *e = new QDoubleSpinBox(m_paramBox);
                // Wider than the range so an out-of-range entry is shown as invalid
                // rather than silently clamped by the spin box.
                const double margin = std::max(1.0, (p.max - p.min) * 0.5);
                e->setRange(p.min - margin, p.max + margin);
                e->setDecimals(p.step < 1 ? std::clamp(int(std::ceil(-std::log10(p.step))), 1, 4) : 0);
                e->setSingleStep(p.step);
                e->setValue(p.defaultValue.toDouble());
                e->setSuffix(p.unit.isEmpty() ? QString() : u' ' + p.unit);
                connect(e, &QDoubleSpinBox::valueChanged, this, &CommandDialog::updateState);
                editor = e;
                break;
            }
            case CommandParameter::Type::Integer: {
                auto *e = new QSpinBox(m_paramBox);
                const int margin = std::max(1, int((p.max - p.min) * 0.5));
                e->setRange(int(p.min) - margin, int(p.max) + margin);
                e->setSingleStep(std::max(1, int(p.step)));
                e->setValue(int(p.defaultValue.toDouble()));
                e->setSuffix(p.unit.isEmpty() ? QString() : u' ' + p.unit);
                connect(e, &QSpinBox::valueChanged, this, &CommandDialog::updateState);
                editor = e;
                break;
            }
            case CommandParameter::Type::Choice: {
                auto *e = new QComboBox(m_paramBox);
                e->addItems(p.choices);
                e->setCurrentText(p.defaultValue.toString());
                connect(e, &QComboBox::currentIndexChanged, this, &CommandDialog::updateState);
                editor = e;
                break;
            }
            case CommandParameter::Type::Bool: {
                auto *e = new QCheckBox(m_paramBox);
                e->setChecked(p.defaultValue.toBool());
                connect(e, &QCheckBox::toggled, this, &CommandDialog::updateState);
                editor = e;
                break;
            }
            }
            editor->setObjectName(p.name);
            const QString range = p.type == CommandParameter::Type::Number || p.type == CommandParameter::Type::Integer
                                      ? tr("%1 to %2 %3").arg(p.min).arg(p.max).arg(p.unit).trimmed()
                                      : QString();
            editor->setToolTip(range.isEmpty() ? p.label : tr("%1: %2").arg(p.label, range));
            m_form->addRow(range.isEmpty() ? p.label + u':' : tr("%1 (%2):").arg(p.label, range), editor);
            m_editors.append({p.name, editor});
        }
    }
    updateState();
}

QVariantMap CommandDialog::values() const
{
    QVariantMap out;
    for (const auto &[name, w] : m_editors) {
        if (auto *d = qobject_cast<QDoubleSpinBox *>(w))
            out.insert(name, d->value());
        else if (auto *i = qobject_cast<QSpinBox *>(w))
            out.insert(name, i->value());
        else if (auto *c = qobject_cast<QComboBox *>(w))
            out.insert(name, c->currentText());
        else if (auto *b = qobject_cast<QCheckBox *>(w))
            out.insert(name, b->isChecked());
    }
    return out;
}

QString CommandDialog::validationError() const
{
    const CommandSpec *s = spec();
    if (!s)
        return tr("Choose a command.");
    QString error;
    if (!CommandCatalog::validate(*s, values(), &error))
        return error;
    return {};
}

QString CommandDialog::confirmationText() const
{
    const CommandSpec *s = spec();
    if (!s)
        return {};
    const auto v = CommandCatalog::validate(*s, values(), nullptr);
    const QString effect = v ? CommandCatalog::effectText(*s, *v) : s->effect;
    return tr("Send \"%1\" to %2 (%3 at %4)?\n\n%5").arg(s->label, m_asset.id, m_asset.type, m_asset.location, effect);
}

void CommandDialog::refreshPermission()
{
    updateState();
}

void CommandDialog::updateState()
{
    const QString invalid = validationError();
    const QString why = m_whyNot ? m_whyNot() : QString();
    const CommandSpec *s = spec();
    if (s) {
        const auto v = CommandCatalog::validate(*s, values(), nullptr);
        m_effect->setText(tr("Effect: %1").arg(v ? CommandCatalog::effectText(*s, *v) : s->effect));
    }
    m_error->setText(invalid);
    m_error->setVisible(!invalid.isEmpty());
    m_permission->setText(why);
    m_permission->setVisible(!why.isEmpty());
    m_send->setEnabled(invalid.isEmpty() && why.isEmpty() && s);
    m_send->setToolTip(!why.isEmpty() ? why : !invalid.isEmpty() ? invalid : tr("Asks for confirmation, then sends."));
}

void CommandDialog::onSend()
{
    updateState();
    if (!m_send->isEnabled())
        return;
    if (m_confirm) {
        QMessageBox box(QMessageBox::Warning, tr("Confirm command"), confirmationText(),
                        QMessageBox::Cancel, this);
        box.setTextFormat(Qt::PlainText);
        QPushButton *yes = box.addButton(tr("Send to %1").arg(m_asset.id), QMessageBox::AcceptRole);
        box.setDefaultButton(QMessageBox::Cancel);
        box.exec();
        if (box.clickedButton() != yes)
            return;
    }
    accept();
}

} // namespace ndh
