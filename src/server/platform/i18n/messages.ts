/**
 * Server-side messages (problem titles and details) in Greek and English.
 * Greek is the default; English is chosen when Accept-Language prefers it.
 */
export const MESSAGES = {
  'problem.bad_request.title': { el: 'Μη έγκυρο αίτημα', en: 'Bad request' },
  'problem.bad_json.detail': { el: 'Το σώμα του αιτήματος δεν είναι έγκυρο JSON.', en: 'The request body is not valid JSON.' },
  'problem.validation.title': { el: 'Τα δεδομένα δεν είναι έγκυρα', en: 'The data is not valid' },
  'problem.validation.detail': {
    el: 'Ορισμένα πεδία του αιτήματος δεν είναι έγκυρα· δείτε τη λίστα «errors».',
    en: 'Some fields of the request are not valid; see the "errors" list.',
  },
  'problem.not_found.title': { el: 'Δεν βρέθηκε', en: 'Not found' },
  'problem.not_found.detail': { el: 'Ο πόρος που ζητήσατε δεν υπάρχει.', en: 'The resource you asked for does not exist.' },
  'problem.route_not_found.detail': { el: 'Δεν υπάρχει τέτοια διαδρομή στο API.', en: 'There is no such route in the API.' },
  'problem.structure_not_found.detail': {
    el: 'Δεν υπάρχει δομή με αυτό το αναγνωριστικό.',
    en: 'There is no structure with this identifier.',
  },
  'problem.organisation_not_found.detail': {
    el: 'Δεν υπάρχει φορέας με αυτό το αναγνωριστικό.',
    en: 'There is no organisation with this identifier.',
  },
  'problem.programme_not_found.detail': {
    el: 'Δεν υπάρχει χρηματοδοτικό πρόγραμμα με αυτόν τον κωδικό.',
    en: 'There is no funding programme with this code.',
  },
  'problem.conflict.title': { el: 'Σύγκρουση', en: 'Conflict' },
  'problem.slug_taken.detail': { el: 'Το σύντομο όνομα (slug) χρησιμοποιείται ήδη.', en: 'The slug is already in use.' },
  'problem.stale.detail': {
    el: 'Η εγγραφή άλλαξε από άλλον χρήστη στο μεταξύ· φορτώστε την ξανά.',
    en: 'Someone else changed the record in the meantime; reload it.',
  },
  'problem.too_large.title': { el: 'Πολύ μεγάλο αίτημα', en: 'Payload too large' },
  'problem.too_large.detail': {
    el: 'Το σώμα του αιτήματος υπερβαίνει το όριο μεγέθους.',
    en: 'The request body exceeds the size limit.',
  },
  'problem.unsupported_media.title': { el: 'Μη υποστηριζόμενος τύπος', en: 'Unsupported media type' },
  'problem.unsupported_media.detail': { el: 'Στείλτε το σώμα ως application/json.', en: 'Send the body as application/json.' },
  'problem.method_not_allowed.title': { el: 'Μη επιτρεπτή μέθοδος', en: 'Method not allowed' },
  'problem.internal.title': { el: 'Εσωτερικό σφάλμα', en: 'Internal error' },
  'problem.internal.detail': {
    el: 'Κάτι πήγε στραβά από τη δική μας πλευρά. Αναφέρετε τον κωδικό αιτήματος στην υποστήριξη.',
    en: 'Something went wrong on our side. Quote the request id to support.',
  },
  'problem.unavailable.title': { el: 'Μη διαθέσιμο', en: 'Service unavailable' },
  'problem.unavailable.detail': { el: 'Η βάση δεδομένων δεν είναι διαθέσιμη.', en: 'The database is not available.' },
  'problem.unauthorized.title': { el: 'Απαιτείται σύνδεση', en: 'Sign-in required' },
  'problem.unauthorized.detail': { el: 'Συνδεθείτε για να συνεχίσετε.', en: 'Sign in to continue.' },
  'problem.session_expired.detail': {
    el: 'Η συνεδρία σας έληξε· συνδεθείτε ξανά.',
    en: 'Your session has expired; sign in again.',
  },
  'problem.bad_credentials.detail': {
    el: 'Λάθος όνομα χρήστη ή κωδικός πρόσβασης.',
    en: 'Wrong username or password.',
  },
  'problem.mfa_required.detail': {
    el: 'Επιβεβαιώστε τη σύνδεση με τον δεύτερο παράγοντα (κωδικό μίας χρήσης).',
    en: 'Confirm your sign-in with the second factor (one-time code).',
  },
  'problem.bad_code.detail': { el: 'Ο κωδικός δεν είναι σωστός ή έληξε.', en: 'The code is wrong or has expired.' },
  'problem.forbidden.title': { el: 'Δεν επιτρέπεται', en: 'Forbidden' },
  'problem.forbidden.detail': {
    el: 'Ο ρόλος σας δεν επιτρέπει αυτή την ενέργεια.',
    en: 'Your role does not allow this action.',
  },
  'problem.csrf.detail': {
    el: 'Λείπει ή δεν ισχύει το διακριτικό CSRF (κεφαλίδα x-csrf-token).',
    en: 'The CSRF token (x-csrf-token header) is missing or invalid.',
  },
  'problem.locked.title': { el: 'Προσωρινό κλείδωμα', en: 'Temporarily locked' },
  'problem.locked.detail': {
    el: 'Πολλές αποτυχημένες προσπάθειες σύνδεσης. Δοκιμάστε ξανά αργότερα.',
    en: 'Too many failed sign-in attempts. Try again later.',
  },
  'problem.password_too_short.detail': {
    el: 'Ο κωδικός πρέπει να έχει τουλάχιστον 12 χαρακτήρες.',
    en: 'The password must have at least 12 characters.',
  },
  'problem.password_too_long.detail': { el: 'Ο κωδικός είναι πολύ μεγάλος.', en: 'The password is too long.' },
  'problem.password_common.detail': {
    el: 'Ο κωδικός είναι από τους πιο συνηθισμένους· διαλέξτε άλλον.',
    en: 'This password is among the most common ones; choose another.',
  },
  'problem.password_contains_username.detail': {
    el: 'Ο κωδικός δεν πρέπει να περιέχει το όνομα χρήστη.',
    en: 'The password must not contain the username.',
  },
  'problem.username_taken.detail': { el: 'Το όνομα χρήστη υπάρχει ήδη.', en: 'The username already exists.' },
  'problem.user_not_found.detail': { el: 'Δεν υπάρχει τέτοιος χρήστης.', en: 'There is no such user.' },
  'problem.role_needs_structure.detail': {
    el: 'Αυτός ο ρόλος δίνεται σε συγκεκριμένη δομή.',
    en: 'This role is given at a specific structure.',
  },
  'problem.not_member.detail': {
    el: 'Δεν έχετε ρόλο σε αυτή τη δομή.',
    en: 'You hold no role at this structure.',
  },
  'problem.own_review.detail': {
    el: 'Δεν μπορείτε να ελέγξετε το δικό σας άνοιγμα έκτακτης πρόσβασης.',
    en: 'You cannot review your own break-glass opening.',
  },
  'problem.already_reviewed.detail': { el: 'Έχει ήδη ελεγχθεί.', en: 'It has already been reviewed.' },
  'problem.person_not_found.detail': {
    el: 'Δεν υπάρχει τέτοιο πρόσωπο στις δομές σας.',
    en: 'There is no such person at your structures.',
  },
  'problem.structure_required.detail': {
    el: 'Επιλέξτε τη δομή στην οποία γίνεται η εγγραφή.',
    en: 'Choose the structure the registration is made at.',
  },
  'problem.structure_not_yours.detail': {
    el: 'Δεν μπορείτε να κάνετε εγγραφές σε αυτή τη δομή.',
    en: 'You cannot register people at this structure.',
  },
  'problem.field_not_cleared.detail': {
    el: 'Δεν έχετε εξουσιοδότηση για ορισμένα ευαίσθητα πεδία· δείτε τη λίστα «errors».',
    en: 'You are not cleared for some sensitive fields; see the "errors" list.',
  },
  'problem.precondition_required.title': { el: 'Απαιτείται έκδοση', en: 'Precondition required' },
  'problem.if_match_required.detail': {
    el: 'Στείλτε την κεφαλίδα If-Match με την έκδοση (ETag) που διαβάσατε.',
    en: 'Send the If-Match header with the version (ETag) you read.',
  },
  'problem.household_not_found.detail': { el: 'Δεν υπάρχει τέτοιο νοικοκυριό.', en: 'There is no such household.' },
  'problem.household_head_exists.detail': {
    el: 'Το νοικοκυριό έχει ήδη υπεύθυνο· αλλάξτε πρώτα τον σημερινό.',
    en: 'The household already has a head; change the current one first.',
  },
  'problem.household_needs_head.detail': {
    el: 'Ένα νοικοκυριό χρειάζεται ακριβώς έναν υπεύθυνο.',
    en: 'A household needs exactly one head.',
  },
  'problem.already_member.detail': {
    el: 'Το πρόσωπο είναι ήδη μέλος αυτού του νοικοκυριού.',
    en: 'The person is already a member of this household.',
  },
  'problem.not_member_of_household.detail': {
    el: 'Το πρόσωπο δεν είναι σήμερα μέλος αυτού του νοικοκυριού.',
    en: 'The person is not a current member of this household.',
  },
  'problem.consent_not_found.detail': { el: 'Δεν υπάρχει τέτοια συγκατάθεση.', en: 'There is no such consent.' },
  'problem.already_withdrawn.detail': { el: 'Η συγκατάθεση έχει ήδη ανακληθεί.', en: 'The consent has already been withdrawn.' },
  'problem.possible_duplicate.detail': {
    el: 'Μοιάζει με πρόσωπο που είναι ήδη εγγεγραμμένο. Ελέγξτε τις πιθανές αντιστοιχίες ή επιβεβαιώστε ότι είναι νέο πρόσωπο.',
    en: 'This looks like a person who is already registered. Check the likely matches or confirm that this is a new person.',
  },
  'problem.not_a_candidate.detail': {
    el: 'Το πρόσωπο δεν μπορεί να συνδεθεί από τη δομή σας.',
    en: 'This person cannot be linked from your structure.',
  },
  'problem.cannot_link.detail': {
    el: 'Τα δύο πρόσωπα έχουν σημειωθεί ως διαφορετικά· δεν συγχωνεύονται.',
    en: 'The two persons have been marked as different people; they cannot be merged.',
  },
  'problem.same_person.detail': { el: 'Πρόκειται ήδη για το ίδιο πρόσωπο.', en: 'They are already the same person.' },
  'problem.link_not_found.detail': {
    el: 'Δεν υπάρχει τέτοια συγχώνευση για αναίρεση.',
    en: 'There is no such merge to undo.',
  },
  'problem.already_undone.detail': { el: 'Η συγχώνευση έχει ήδη αναιρεθεί.', en: 'The merge has already been undone.' },
  'problem.review_not_found.detail': { el: 'Δεν υπάρχει τέτοιος έλεγχος.', en: 'There is no such review.' },
  'problem.review_decided.detail': { el: 'Ο έλεγχος έχει ήδη κριθεί.', en: 'The review has already been decided.' },
  'problem.duplicate_source.detail': {
    el: 'Υπάρχει ήδη εγγραφή με αυτόν τον κωδικό της δομής.',
    en: 'A registration with this source id already exists at the structure.',
  },
  'problem.case_not_found.detail': {
    el: 'Δεν υπάρχει τέτοιος φάκελος υπόθεσης στις δομές σας.',
    en: 'There is no such case file at your structures.',
  },
  'problem.case_type_not_found.detail': {
    el: 'Αυτός ο τύπος υπόθεσης δεν προσφέρεται σε αυτή τη δομή.',
    en: 'This case type is not offered at this structure.',
  },
  'problem.case_structure_not_yours.detail': {
    el: 'Δεν μπορείτε να ανοίξετε ή να χειριστείτε υποθέσεις σε αυτή τη δομή.',
    en: 'You cannot open or handle cases at this structure.',
  },
  'problem.assignee_not_eligible.detail': {
    el: 'Ο χρήστης δεν μπορεί να αναλάβει υποθέσεις σε αυτή τη δομή.',
    en: 'This user cannot take on cases at this structure.',
  },
  'problem.illegal_transition.detail': {
    el: 'Η υπόθεση δεν μπορεί να περάσει από την τρέχουσα κατάσταση σε αυτή· δείτε το «allowed».',
    en: 'The case cannot move from its current status to this one; see "allowed".',
  },
  'problem.closure_needs_approval.detail': {
    el: 'Το κλείσιμο αυτού του τύπου υπόθεσης χρειάζεται πρώτα έγκριση.',
    en: 'Closing a case of this type needs an approval first.',
  },
  'problem.approval_not_needed.detail': {
    el: 'Το κλείσιμο αυτού του τύπου υπόθεσης δεν χρειάζεται έγκριση.',
    en: 'Closing a case of this type needs no approval.',
  },
  'problem.already_approved.detail': { el: 'Το κλείσιμο έχει ήδη εγκριθεί.', en: 'The closure has already been approved.' },
  'problem.case_closed.detail': {
    el: 'Η υπόθεση είναι κλειστή· ανοίξτε την ξανά για να συνεχίσετε.',
    en: 'The case is closed; reopen it to go on.',
  },
  'problem.cannot_close.detail': {
    el: 'Ο ρόλος σας δεν επιτρέπει το κλείσιμο ή το άνοιγμα ξανά μιας υπόθεσης.',
    en: 'Your role does not allow closing or reopening a case.',
  },
  'problem.entry_not_found.detail': {
    el: 'Δεν υπάρχει τέτοια καταχώριση σε αυτή την υπόθεση.',
    en: 'There is no such entry on this case.',
  },
  'problem.system_entry_kind.detail': {
    el: 'Αυτό το είδος καταχώρισης γράφεται από το σύστημα (αλλαγή κατάστασης, παροχή υπηρεσίας, έγκριση, παραπομπή).',
    en: 'This kind of entry is written by the system (status change, service delivered, approval, referral).',
  },
  'problem.not_a_note.detail': { el: 'Διορθώνονται μόνο σημειώσεις.', en: 'Only notes can be corrected.' },
  'problem.not_author.detail': {
    el: 'Μόνο ο συντάκτης μιας σημείωσης μπορεί να τη διορθώσει.',
    en: 'Only the author of a note can correct it.',
  },
  'problem.correction_window.detail': {
    el: 'Η σημείωση γράφτηκε πριν από περισσότερες από 24 ώρες· προσθέστε νέα σημείωση αντί για διόρθωση.',
    en: 'The note was written more than 24 hours ago; add a new note instead of a correction.',
  },
  'problem.not_latest_version.detail': {
    el: 'Η σημείωση έχει ήδη διορθωθεί· διορθώστε την τελευταία της εκδοχή.',
    en: 'The note has been corrected already; correct its latest version.',
  },
  'problem.service_not_found.detail': {
    el: 'Η δομή δεν προσφέρει υπηρεσία με αυτό το σύντομο όνομα.',
    en: 'The structure offers no service with this slug.',
  },
  'problem.delivery_filter_required.detail': {
    el: 'Ζητήστε τις παροχές μιας δομής (structure) ή ενός προσώπου (person).',
    en: 'Ask for the deliveries of a structure (structure) or of a person (person).',
  },
  'problem.persons_not_found.detail': {
    el: 'Ορισμένα πρόσωπα του καταλόγου δεν βρέθηκαν στις δομές σας· δεν καταχωρίστηκε τίποτα.',
    en: 'Some persons of the list were not found at your structures; nothing was recorded.',
  },
  'problem.assessment_form_not_found.detail': {
    el: 'Δεν υπάρχει τέτοιο ερωτηματολόγιο αξιολόγησης για τον τύπο αυτής της υπόθεσης.',
    en: 'There is no such assessment form for the type of this case.',
  },
  'problem.assessment_answers.detail': {
    el: 'Οι απαντήσεις δεν ταιριάζουν με το ερωτηματολόγιο· δείτε τη λίστα «errors».',
    en: 'The answers do not fit the form; see the "errors" list.',
  },
  'problem.future_date.detail': { el: 'Η ημερομηνία δεν μπορεί να είναι μελλοντική.', en: 'The date cannot be in the future.' },
  'problem.no_plan.detail': {
    el: 'Η υπόθεση δεν έχει ακόμη σχέδιο δράσης· γράψτε πρώτα το σχέδιο.',
    en: 'The case has no action plan yet; write the plan first.',
  },
  'problem.plan_reference.detail': {
    el: 'Ορισμένα στοιχεία του σχεδίου δεν υπάρχουν ή δεν σας επιτρέπεται να τα ορίσετε· δείτε τη λίστα «errors».',
    en: 'Some references of the plan do not exist or are not yours to set; see the "errors" list.',
  },
  'problem.plan_action_not_found.detail': {
    el: 'Δεν υπάρχει τέτοια ενέργεια σχεδίου στις υποθέσεις σας.',
    en: 'There is no such plan action on your cases.',
  },
  'problem.tasks_structure_not_yours.detail': {
    el: 'Τις εκκρεμότητες μιας δομής βλέπουν οι υπεύθυνοί της.',
    en: 'Only the managers of a structure see its overdue tasks.',
  },
  'problem.budget_line_not_found.detail': {
    el: 'Δεν υπάρχει ενεργή γραμμή προϋπολογισμού με αυτόν τον κωδικό.',
    en: 'There is no active budget line with this code.',
  },
  'problem.aid_request_not_found.detail': {
    el: 'Δεν υπάρχει τέτοιο αίτημα ενίσχυσης στις δομές σας.',
    en: 'There is no such aid request at your structures.',
  },
  'problem.aid_illegal_transition.detail': {
    el: 'Το αίτημα ενίσχυσης δεν μπορεί να περάσει από την τρέχουσα κατάσταση σε αυτή· δείτε το «allowed».',
    en: 'The aid request cannot move from its current status to this one; see "allowed".',
  },
  'problem.aid_own_recommendation.detail': {
    el: 'Δεν μπορείτε να αποφασίσετε για ενίσχυση που προτείνατε εσείς.',
    en: 'You cannot decide on aid you recommended yourself.',
  },
  'problem.gone.title': { el: 'Δεν ισχύει πια', en: 'Gone' },
  'problem.rate_limited.title': { el: 'Πάρα πολλά αιτήματα', en: 'Too many requests' },
  'problem.rate_limited.detail': {
    el: 'Στάλθηκαν πάρα πολλά αιτήματα από αυτή τη διεύθυνση· δοκιμάστε ξανά αργότερα.',
    en: 'Too many requests came from this address; try again later.',
  },
  'problem.referral_not_found.detail': {
    el: 'Δεν υπάρχει τέτοια παραπομπή από ή προς τις δομές σας.',
    en: 'There is no such referral from or to your structures.',
  },
  'problem.referral_illegal_transition.detail': {
    el: 'Η παραπομπή δεν μπορεί να περάσει από την τρέχουσα κατάσταση σε αυτή· δείτε το «allowed».',
    en: 'The referral cannot move from its current status to this one; see "allowed".',
  },
  'problem.referral_not_your_move.detail': {
    el: 'Αυτή την αλλαγή την κάνει η άλλη πλευρά της παραπομπής· δείτε στο «allowed» όσες κάνετε εσείς.',
    en: 'The other side of the referral makes this move; "allowed" lists the ones you can make.',
  },
  'problem.referral_no_moves.detail': {
    el: 'Ο ρόλος σας επιτρέπει μόνο την ανάγνωση αυτής της παραπομπής.',
    en: 'Your role lets you only read this referral.',
  },
  'problem.referral_consent_required.detail': {
    el: 'Το πρόσωπο δεν έχει δώσει ισχύουσα συγκατάθεση για παραπομπή σε αυτόν τον αποδέκτη. Καταχωρίστε τη συγκατάθεση ή, αν ο ρόλος σας το επιτρέπει, αιτιολογήστε την παράκαμψη (consentOverride).',
    en: 'The person has no consent in force for a referral to this recipient. Record the consent or, if your role allows it, give the reason for overriding it (consentOverride).',
  },
  'problem.referral_override_not_allowed.detail': {
    el: 'Ο ρόλος σας δεν επιτρέπει την αποστολή παραπομπής χωρίς τη συγκατάθεση του προσώπου.',
    en: 'Your role does not allow sending a referral without the person’s consent.',
  },
  'problem.referral_structure_not_yours.detail': {
    el: 'Δεν μπορείτε να στείλετε παραπομπές από αυτή τη δομή.',
    en: 'You cannot send referrals from this structure.',
  },
  'problem.referral_fields_not_cleared.detail': {
    el: 'Δεν μπορείτε να κοινοποιήσετε πεδία που δεν σας επιτρέπεται να δείτε· δείτε τη λίστα «errors».',
    en: 'You cannot share fields you are not cleared to see; see the "errors" list.',
  },
  'problem.referral_confidential_sender.detail': {
    el: 'Από εμπιστευτική δομή οι παραπομπές στέλνονται μόνο σε εξωτερικούς φορείς.',
    en: 'A confidential structure refers only to outside organisations.',
  },
  'problem.referral_not_draft.detail': {
    el: 'Η παραπομπή έχει σταλεί· αλλάζει πια μόνο η κατάστασή της.',
    en: 'The referral has been sent; only its status changes now.',
  },
  'problem.referral_link_internal.detail': {
    el: 'Σύνδεσμοι δίνονται μόνο για παραπομπές σε εξωτερικούς φορείς.',
    en: 'Links are only for referrals to outside organisations.',
  },
  'problem.referral_link_not_open.detail': {
    el: 'Η παραπομπή δεν έχει σταλεί ή έχει ήδη κλείσει.',
    en: 'The referral has not been sent or is already closed.',
  },
  'problem.referral_link_not_found.detail': {
    el: 'Ο σύνδεσμος δεν είναι έγκυρος.',
    en: 'The link is not valid.',
  },
  'problem.referral_link_expired.detail': {
    el: 'Ο σύνδεσμος έχει λήξει ή αντικατασταθεί· ζητήστε νέο από τον φορέα που σας παρέπεμψε.',
    en: 'The link has expired or was replaced; ask the referring service for a new one.',
  },
  'problem.benefit_not_found.detail': {
    el: 'Δεν υπάρχει τέτοια αίτηση παροχής στις δομές σας.',
    en: 'There is no such benefit application at your structures.',
  },
  'problem.benefit_illegal_transition.detail': {
    el: 'Η αίτηση παροχής δεν μπορεί να περάσει από την τρέχουσα κατάσταση σε αυτή· δείτε το «allowed».',
    en: 'The benefit application cannot move from its current status to this one; see "allowed".',
  },
  'problem.benefit_structure_not_yours.detail': {
    el: 'Δεν μπορείτε να καταθέτετε αιτήσεις παροχών από αυτή τη δομή.',
    en: 'You cannot file benefit applications from this structure.',
  },
  'problem.checklist_item_not_found.detail': {
    el: 'Ο τύπος της παροχής δεν ζητά τέτοιο δικαιολογητικό.',
    en: 'The benefit’s type asks for no such document.',
  },
  'problem.document_not_found.detail': {
    el: 'Δεν υπάρχει τέτοιο έγγραφο που να μπορείτε να δείτε.',
    en: 'There is no such document that you may see.',
  },
  'problem.document_type.detail': {
    el: 'Το αρχείο δεν είναι PDF ούτε εικόνα PNG, JPEG ή WebP (ο τύπος ελέγχεται από το περιεχόμενο).',
    en: 'The file is not a PDF nor a PNG, JPEG or WebP image (the type is checked from the content).',
  },
  'problem.document_withdrawn.detail': {
    el: 'Το έγγραφο έχει ήδη αποσυρθεί.',
    en: 'The document has already been withdrawn.',
  },
} as const satisfies Record<string, { el: string; en: string }>;

export type MessageKey = keyof typeof MESSAGES;
export type Lang = 'el' | 'en';

/** Chooses el or en from an Accept-Language header by quality; Greek when nothing matches. */
export function negotiateLanguage(header: string | undefined): Lang {
  if (!header) return 'el';
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { tag: tag.toLowerCase(), q: q ? Number(q.slice(2)) : 1 };
    })
    .filter((x) => Number.isFinite(x.q) && x.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    if (tag.startsWith('el')) return 'el';
    if (tag.startsWith('en')) return 'en';
  }
  return 'el';
}

/** The message in one language. */
export function message(key: MessageKey, lang: Lang): string {
  return MESSAGES[key][lang];
}
