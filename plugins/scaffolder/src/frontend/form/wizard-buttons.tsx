import Box from '@mui/material/Box';
import Button from '@mui/material/Button';

/** Props of {@link WizardButtons}. */
export interface WizardButtonsProps {
  /** Shows the back button when given. */
  onBack?: () => void;
  backLabel?: string;
  nextLabel: string;
  /** Without it the next button submits the surrounding form (rjsf validates first). */
  onNext?: () => void;
  isBusy?: boolean;
}

/** Back and next buttons of a form page; next is the form's submit button unless `onNext` is given. */
export function WizardButtons({ onBack, backLabel, nextLabel, onNext, isBusy }: WizardButtonsProps) {
  return (
    <Box sx={{ display: 'flex', gap: 1, justifyContent: 'flex-end', mt: 3 }}>
      {onBack && (
        <Button onClick={onBack} disabled={isBusy}>
          {backLabel ?? 'Back'}
        </Button>
      )}
      <Button variant="contained" type={onNext ? 'button' : 'submit'} onClick={onNext} disabled={isBusy}>
        {nextLabel}
      </Button>
    </Box>
  );
}
